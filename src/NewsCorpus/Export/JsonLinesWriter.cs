using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsCorpus.Export;

/// <summary>
/// Writes JSON Lines (one JSON object per line, UTF-8, LF): each value is serialised and written as it
/// comes, through a small buffer.
/// </summary>
public sealed class JsonLinesWriter(Stream stream) : IAsyncDisposable
{
    // The file is a download, never embedded in a page, so French text can stay readable (é, not \u00E9).
    static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    static readonly byte[] NewLine = [(byte)'\n'];

    readonly BufferedStream buffer = new(stream, 16 * 1024);

    public async Task WriteAsync<T>(T value, CancellationToken cancel = default)
    {
        await buffer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(value, Options), cancel);
        await buffer.WriteAsync(NewLine, cancel);
    }

    public Task FlushAsync(CancellationToken cancel = default) => buffer.FlushAsync(cancel);

    public async ValueTask DisposeAsync()
    {
        await buffer.FlushAsync();
        // Disposing the BufferedStream would close the stream it wraps, which belongs to the caller.
    }
}
