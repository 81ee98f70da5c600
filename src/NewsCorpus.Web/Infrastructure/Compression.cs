using Microsoft.AspNetCore.ResponseCompression;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>
/// Brotli, else gzip, for every text answer: pages, JSON, problem details, CSV, JSON Lines, Atom, CSS, JS, SVG.
/// Also over HTTPS: no answer mixes a secret with what the reader typed, so BREACH has nothing to find.
/// </summary>
public static class Compression
{
    public static IServiceCollection AddTextCompression(this IServiceCollection services) => services
        .Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest)
        .Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest)
        .AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes,
                "application/problem+json", "text/csv", "application/x-ndjson", "application/atom+xml", "image/svg+xml"];
        });
}
