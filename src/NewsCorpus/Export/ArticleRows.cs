using System.Data.Common;

namespace NewsCorpus.Export;

/// <summary>One article as the exports and feeds give it. <see cref="Month"/> is yyyy-MM; <see cref="Day"/> the day when the article gives it.</summary>
public sealed record ArticleRow(
    string Id, string Month, string Title, IReadOnlyList<string> Countries, IReadOnlyList<string> Entities,
    string FileName, int WordCount, string Lead)
{
    public int? Day { get; init; }
    public string? Source { get; init; }
    public string? Author { get; init; }
    /// <summary>The article's address at its outlet, when the article gives it.</summary>
    public string? OriginalUrl { get; init; }

    /// <summary>The date as precise as the article gives it: yyyy-MM-dd, or yyyy-MM for an article dated to the month.</summary>
    public string Date => Day is { } d ? $"{Month}-{d:D2}" : Month;
}

/// <summary>
/// Reads export rows for a stream of article keys, one at a time and in the order given, so that a result
/// set of any size goes out without being held in memory. The keys usually come from a reader still open on
/// the same connection, which SQLite allows (the PostgreSQL search reads its keys whole first).
/// </summary>
public sealed class ArticleRows(DbConnection connection)
{
    /// <summary>The export columns, in order; <see cref="Values"/> and <see cref="Json"/> follow it.</summary>
    public static readonly IReadOnlyList<string> Columns = ["id", "date", "title", "countries", "entities", "url", "file", "word_count", "lead", "source", "author", "original_url"];

    /// <summary>Separates the codes in the countries and entities cells: neither a comma nor a semicolon, which French Excel splits on.</summary>
    public const string ListSeparator = "|";

    // SQLite's group_concat and PostgreSQL's string_agg take the same arguments.
    static string Sql(string concat) => $"""
        SELECT a.id, a.month, a.title, a.file_name, a.word_count, a.lead, a.day, a.source, a.author, a.url,
            (SELECT {concat}(c.iso2, '|' ORDER BY c.weight DESC, c.iso2) FROM article_countries c WHERE c.article_key = a.article_key),
            (SELECT {concat}(e.slug, '|' ORDER BY x.mentions DESC, e.name) FROM article_entities x JOIN entities e ON e.entity_key = x.entity_key WHERE x.article_key = a.article_key)
        FROM articles a WHERE a.article_key = @key
        """;

    public IEnumerable<ArticleRow> Read(IEnumerable<long> articleKeys)
    {
        // A PostgreSQL connection runs one statement at a time: the keys are read whole before any row.
        if (connection is Npgsql.NpgsqlConnection) articleKeys = articleKeys.ToList();
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql(connection is Npgsql.NpgsqlConnection ? "string_agg" : "group_concat");
        var key = cmd.CreateParameter();
        key.ParameterName = "@key";
        key.DbType = System.Data.DbType.Int64;
        cmd.Parameters.Add(key);
        foreach (var k in articleKeys)
        {
            key.Value = k;
            using var r = cmd.ExecuteReader();
            if (!r.Read()) continue; // removed by an import since the keys were read
            yield return new ArticleRow(r.GetString(0), r.GetString(1), r.GetString(2), List(r, 10), List(r, 11), r.GetString(3), r.GetInt32(4), r.GetString(5))
            {
                Day = r.IsDBNull(6) ? null : r.GetInt32(6),
                Source = r.IsDBNull(7) ? null : r.GetString(7),
                Author = r.IsDBNull(8) ? null : r.GetString(8),
                OriginalUrl = r.IsDBNull(9) ? null : r.GetString(9),
            };
        }
    }

    static string[] List(DbDataReader r, int column) => r.IsDBNull(column) ? [] : r.GetString(column).Split('|');

    /// <summary>A row's cells in <see cref="Columns"/> order; <paramref name="articleUrl"/> is the article's absolute address.</summary>
    public static string[] Values(ArticleRow row, string articleUrl) =>
        [row.Id, row.Date, row.Title, string.Join(ListSeparator, row.Countries), string.Join(ListSeparator, row.Entities),
         articleUrl, row.FileName, row.WordCount.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Lead,
         row.Source ?? "", row.Author ?? "", row.OriginalUrl ?? ""];

    /// <summary>A row as a JSON Lines object, with the CSV column names as keys (lists as arrays).</summary>
    public static object Json(ArticleRow row, string articleUrl) => new
    {
        id = row.Id,
        date = row.Date,
        title = row.Title,
        countries = row.Countries,
        entities = row.Entities,
        url = articleUrl,
        file = row.FileName,
        word_count = row.WordCount,
        lead = row.Lead,
        source = row.Source,
        author = row.Author,
        original_url = row.OriginalUrl,
    };
}
