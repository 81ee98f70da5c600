using System.Security.Cryptography;
using System.Text;

namespace NewsCorpus.Articles;

/// <summary>One row of an article index: the metadata it gives one article file, where it stands, and a stamp of its content.</summary>
public sealed record IndexRow(string IndexName, int Line, ArticleParser.Record Fields, string Hash)
{
    /// <summary>Folded into the file's time, so that a changed row makes its file read again.</summary>
    public long Stamp => BitConverter.ToInt64(Convert.FromHexString(Hash[..16]));
}

/// <summary>
/// A sidecar index of an article folder: a CSV or TSV file with a <c>file</c> column naming article files and any of
/// <c>date</c> (or <c>day</c>), <c>title</c>, <c>source</c>, <c>url</c>, <c>author</c> — the Wikinews set's
/// <c>index.tsv</c> is one. What a file's own header gives wins; the index fills in the rest (see <see cref="Apply"/>).
/// </summary>
public sealed class ArticleIndex
{
    readonly Dictionary<string, IndexRow> rows;

    public string Name { get; }

    /// <summary>Problems with the index itself, each with its line in the index.</summary>
    public IReadOnlyList<(int Line, string Reason)> Errors { get; }

    ArticleIndex(string name, Dictionary<string, IndexRow> rows, List<(int, string)> errors) => (Name, this.rows, Errors) = (name, rows, errors);

    public int Count => rows.Count;

    public IndexRow? Find(string fileName) => rows.GetValueOrDefault(fileName);

    public IEnumerable<string> FileNames => rows.Keys;

    public static ArticleIndex Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(Path.GetFileName(path), reader);
    }

    public static ArticleIndex Read(string name, TextReader reader)
    {
        var rows = new Dictionary<string, IndexRow>(StringComparer.Ordinal);
        var errors = new List<(int, string)>();
        foreach (var raw in RecordReader.ReadIndex(reader))
        {
            if (raw.Error is { } error) { errors.Add((raw.Line, error)); continue; }
            var file = raw.File?.Trim() ?? "";
            if (file.Length == 0) { errors.Add((raw.Line, "no file name")); continue; }
            if (rows.TryGetValue(file, out var earlier))
            {
                errors.Add((raw.Line, $"{file} is already described on line {earlier.Line} (this row is ignored)"));
                continue;
            }
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw.Raw)));
            rows[file] = new IndexRow(name, raw.Line, raw.Record!, hash);
        }
        return new ArticleIndex(name, rows, errors);
    }

    /// <summary>
    /// The article with what its index row adds: a day when the file is dated to the month and the row gives a day
    /// of that month, and the title, source, url and author the file's header does not give. A row that contradicts the
    /// file (another month) or gives a bad value is a warning naming the index's line; the file's own text wins.
    /// </summary>
    public static ParsedArticle Apply(ParsedArticle article, IndexRow row)
    {
        var warnings = article.Warnings.ToList();
        var where = $"{row.IndexName}:{row.Line}";
        int? day = article.Day;
        if (!string.IsNullOrWhiteSpace(row.Fields.Date))
        {
            var (month, rowDay, error) = ArticleParser.ReadDateValue(row.Fields.Date.Trim());
            if (error is not null) warnings.Add(new(0, $"{where}: {error} (ignored)"));
            else if (month != article.Month) warnings.Add(new(0, $"{where}: the index dates it {row.Fields.Date.Trim()}, the file {article.DateText} (the file's date is kept)"));
            else if (rowDay is not null && day is not null && rowDay != day) warnings.Add(new(0, $"{where}: the index dates it {row.Fields.Date.Trim()}, the file {article.DateText} (the file's date is kept)"));
            else day ??= rowDay;
        }
        var header = ArticleParser.CheckMetadata(row.Fields with { Title = article.TitleGiven ? null : row.Fields.Title, Source = article.Source is null ? row.Fields.Source : null,
            Url = article.Url is null ? row.Fields.Url : null, Author = article.Author is null ? row.Fields.Author : null }, out var fieldWarnings);
        warnings.AddRange(fieldWarnings.Select(w => new ArticleWarning(0, $"{where}: {w.Message}")));
        return article with
        {
            Title = header.Title ?? article.Title,
            Warnings = warnings,
            Day = day,
            Source = article.Source ?? header.Source,
            Url = article.Url ?? header.Url,
            Author = article.Author ?? header.Author,
            TitleGiven = article.TitleGiven || header.Title is not null,
        };
    }
}
