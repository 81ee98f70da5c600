namespace NewsCorpus.Web.Infrastructure;

/// <summary>Who reads an address: programs read the API, the exports and the feeds, so their errors are problem details (RFC 9457), not HTML pages.</summary>
public static class Readers
{
    public static bool ArePrograms(string? path) => path is not null
        && (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/export/", StringComparison.Ordinal) || path.EndsWith(".atom", StringComparison.Ordinal));
}
