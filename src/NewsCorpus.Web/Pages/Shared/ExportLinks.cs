namespace NewsCorpus.Web.Pages.Shared;

/// <summary>The download links shown next to a list of articles, carrying the list's whole state; the feed is optional.</summary>
public sealed record ExportLinks(string Csv, string JsonLines, string? Feed = null)
{
    /// <summary>/export/{path}.csv and .jsonl with the same query string.</summary>
    public static ExportLinks For(string path, string query = "", string? feed = null) =>
        new($"/export/{path}.csv{query}", $"/export/{path}.jsonl{query}", feed);

    /// <summary>A query string from the non-empty values, in the order given.</summary>
    public static string Query(params (string Name, string? Value)[] values) =>
        Microsoft.AspNetCore.Http.QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => new KeyValuePair<string, string?>(v.Name, v.Value))).ToString();
}
