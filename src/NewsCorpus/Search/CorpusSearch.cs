using System.Text;
using Microsoft.Data.Sqlite;
using NewsCorpus.Analysis;
using NewsCorpus.Export;

namespace NewsCorpus.Search;

/// <summary>
/// Runs a search on the store: ranked hits with snippets for the page shown, the total, facets over the whole
/// result set, the word forms each term matched and suggestions for words the corpus does not have.
/// </summary>
public sealed class CorpusSearch(SqliteConnection connection)
{
    public const int MaxPageSize = 100;

    /// <summary>Up to this many matches, facets look each match up by key; beyond, a scan of the table is cheaper.</summary>
    const int KeyLookupLimit = 5000;

    /// <summary>How long one search may run before SQLite is told to stop.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(2);

    public SearchResults Search(SearchRequest request)
    {
        using var budget = new QueryBudget(connection, Budget);
        try
        {
            return Run(request);
        }
        catch (SqliteException e) when (QueryBudget.IsInterruption(e))
        {
            var parsed = QueryParser.Parse(request.Query, request.Filters);
            parsed = parsed with { Notices = [.. request.Notices, .. parsed.Notices, new QueryNotice(NoticeKind.TimedOut, Budget.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture))] };
            return new SearchResults(parsed, request.Sort ?? SearchSort.Relevance, 0, Math.Max(1, request.Page), Math.Clamp(request.PageSize, 1, MaxPageSize), [], [], [], [], [], []);
        }
    }

    SearchResults Run(SearchRequest request)
    {
        var (parsed, sort) = Prepare(request);
        int pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        int page = Math.Max(1, request.Page);

        var match = FtsQuery.Compile(parsed.Root);
        if (parsed.HasText && match is null || !parsed.HasText && parsed.Filters.IsEmpty)
            return new SearchResults(parsed, sort, 0, page, pageSize, [], [], [], [], [], []);

        // The match and the filters are evaluated once: the matching keys and their rank go to a temporary
        // table (private to this connection), which the count, the page and every facet then read.
        var (from, parameters) = Source(match, parsed.Filters);
        // In memory: SQLite's default keeps temporary tables in a file, which costs a small search more than its match.
        Execute("PRAGMA temp_store = MEMORY", []);
        Execute("CREATE TEMP TABLE IF NOT EXISTS search_hits (k INTEGER PRIMARY KEY, rank REAL NOT NULL)", []);
        Execute("DELETE FROM temp.search_hits", []);
        Execute($"INSERT INTO temp.search_hits (k, rank) SELECT a.article_key, {(match is null ? "0" : "m.rank")} {from}", parameters);
        int total = Convert.ToInt32(Scalar("SELECT count(*) FROM temp.search_hits", []));
        // The temporary table has no statistics, so the join order is chosen here: a few matches are looked up
        // by key (CROSS JOIN keeps them as the outer loop), many are met by scanning the large table once.
        var join = total <= KeyLookupLimit ? "CROSS JOIN" : "JOIN";
        var hitsFrom = $"FROM temp.search_hits m {join} articles a ON a.article_key = m.k WHERE 1";
        // By relevance the page is the first rows by rank: take them before touching the articles.
        var pageFrom = sort == SearchSort.Relevance && parsed.HasText
            ? $"FROM (SELECT k, rank FROM temp.search_hits ORDER BY rank LIMIT {pageSize} OFFSET {(long)(page - 1) * pageSize}) m CROSS JOIN articles a ON a.article_key = m.k WHERE 1"
            : hitsFrom;

        var hits = Hits(pageFrom, [], sort, pageFrom == hitsFrom ? page : 1, pageSize, parsed);
        var months = Rows($"SELECT a.month, count(*) {hitsFrom} GROUP BY a.month ORDER BY a.month", [],
            r => new MonthCount(r.GetString(0), r.GetInt32(1)));
        var countries = Rows($"SELECT c.iso2, count(*) FROM temp.search_hits m {join} article_countries c ON c.article_key = m.k GROUP BY c.iso2 ORDER BY count(*) DESC, c.iso2", [],
            r => new CountryCount(r.GetString(0), r.GetInt32(1)));
        var entities = Rows($"""
            SELECT e.slug, e.name, e.kind, t.n FROM
                (SELECT x.entity_key, count(*) AS n FROM temp.search_hits m {join} article_entities x ON x.article_key = m.k
                 GROUP BY x.entity_key ORDER BY n DESC LIMIT 30) t
            JOIN entities e ON e.entity_key = t.entity_key ORDER BY t.n DESC, e.name
            """, [], r => new EntityCount(r.GetString(0), r.GetString(1), (NewsCorpus.Entities.EntityKind)r.GetInt32(2), r.GetInt32(3)));
        var variants = Variants(parsed);
        var suggestions = Suggestions(parsed, variants);
        return new SearchResults(parsed, sort, total, page, pageSize, hits, months, countries, entities, variants.Select(v => v.Variants).ToList(), suggestions);
    }

    /// <summary>
    /// How many articles match in each month, with nothing else computed: what a trend line needs. A query
    /// with no words counts every article that the filters keep.
    /// </summary>
    public List<MonthCount> MonthCounts(string? query, SearchFilters filters, out ParsedQuery parsed)
    {
        parsed = QueryParser.Parse(query, filters);
        var match = FtsQuery.Compile(parsed.Root);
        if (parsed.HasText && match is null) return [];
        using var budget = new QueryBudget(connection, Budget);
        var (from, parameters) = Source(match, parsed.Filters);
        try
        {
            return Rows($"SELECT a.month, count(*) {from} GROUP BY a.month ORDER BY a.month", parameters,
                r => new MonthCount(r.GetString(0), r.GetInt32(1)));
        }
        catch (SqliteException e) when (QueryBudget.IsInterruption(e))
        {
            parsed = parsed with { Notices = [.. parsed.Notices, new QueryNotice(NoticeKind.TimedOut, Budget.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture))] };
            return [];
        }
    }

    static (ParsedQuery Parsed, SearchSort Sort) Prepare(SearchRequest request)
    {
        var parsed = QueryParser.Parse(request.Query, request.Filters);
        if (request.Notices.Count > 0) parsed = parsed with { Notices = [.. request.Notices, .. parsed.Notices] };
        var sort = request.Sort ?? (parsed.HasText ? SearchSort.Relevance : SearchSort.Newest);
        if (!parsed.HasText && sort == SearchSort.Relevance) sort = SearchSort.Newest;
        return (parsed, sort);
    }

    static string OrderBy(SearchSort sort) => sort switch
    {
        SearchSort.Relevance => "m.rank, a.month DESC, a.article_key",
        SearchSort.Oldest => "a.month, a.number, a.id",
        _ => "a.month DESC, a.number DESC, a.id",
    };

    /// <summary>
    /// Every article the search matches, in the order the pages show (page and page size are ignored), read
    /// as the caller consumes them: for exports and feeds, with no snippets, facets or count. The time budget
    /// covers finding and sorting the matches, up to the first row; after that the reader sets the pace.
    /// A search that runs out of budget throws a <see cref="SqliteException"/> (<see cref="QueryBudget.IsInterruption"/>)
    /// on the first row.
    /// </summary>
    public IEnumerable<ArticleRow> All(SearchRequest request) => new ArticleRows(connection).Read(AllKeys(request));

    /// <summary>The keys of every matching article, in the page's order, read as the caller consumes them (see <see cref="All"/>).</summary>
    public IEnumerable<long> AllKeys(SearchRequest request)
    {
        var (parsed, sort) = Prepare(request);
        var match = FtsQuery.Compile(parsed.Root);
        if (parsed.HasText && match is null || !parsed.HasText && parsed.Filters.IsEmpty) return [];
        var (from, parameters) = Source(match, parsed.Filters);
        return Keys($"SELECT a.article_key {from} ORDER BY {OrderBy(sort)}", parameters);
    }

    IEnumerable<long> Keys(string sql, List<(string, object)> parameters)
    {
        QueryBudget? budget = new(connection, Budget);
        try
        {
            using var cmd = Command(sql, parameters);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                budget?.Dispose();
                budget = null;
                yield return reader.GetInt64(0);
            }
        }
        finally
        {
            budget?.Dispose();
        }
    }

    /// <summary>The FROM … WHERE part shared by the hits, the count and the facets.</summary>
    static (string Sql, List<(string, object)> Parameters) Source(string? match, SearchFilters filters)
    {
        var p = new List<(string, object)>();
        var sql = new StringBuilder();
        if (match is not null)
        {
            sql.Append($"FROM (SELECT rowid AS k, {FtsQuery.Bm25} AS rank FROM article_fts WHERE article_fts MATCH $match) m JOIN articles a ON a.article_key = m.k WHERE 1");
            p.Add(("$match", match));
        }
        else
        {
            sql.Append("FROM articles a WHERE 1");
        }
        if (filters.From is { } f) { sql.Append(" AND a.month >= $from"); p.Add(("$from", f.ToString())); }
        if (filters.To is { } t) { sql.Append(" AND a.month <= $to"); p.Add(("$to", t.ToString())); }
        for (int i = 0; i < filters.Countries.Count; i++)
        {
            sql.Append($" AND a.article_key IN (SELECT article_key FROM article_countries WHERE iso2 = $c{i})");
            p.Add(($"$c{i}", filters.Countries[i]));
        }
        for (int i = 0; i < filters.EntitySlugs.Count; i++)
        {
            sql.Append($" AND a.article_key IN (SELECT x.article_key FROM article_entities x JOIN entities e ON e.entity_key = x.entity_key WHERE e.slug = $e{i})");
            p.Add(($"$e{i}", filters.EntitySlugs[i]));
        }
        return (sql.ToString(), p);
    }

    List<SearchHit> Hits(string from, List<(string, object)> parameters, SearchSort sort, int page, int pageSize, ParsedQuery parsed)
    {
        bool ranked = parsed.HasText;
        var order = OrderBy(sort);
        var p = new List<(string, object)>(parameters) { ("$limit", pageSize), ("$offset", (long)(page - 1) * pageSize) };
        var highlighter = new Highlighter(parsed.Root);
        var rows = Rows($"SELECT a.article_key, a.id, a.month, a.title, a.lead, a.headings, a.body, {(ranked ? "m.rank" : "NULL")} {from} ORDER BY {order} LIMIT $limit OFFSET $offset", p,
            r => (Key: r.GetInt64(0), Id: r.GetString(1), Month: r.GetString(2), Title: r.GetString(3), Lead: r.GetString(4), Headings: r.GetString(5), Body: r.GetString(6), Rank: r.IsDBNull(7) ? (double?)null : r.GetDouble(7)));
        var countries = CountriesOf(rows.Select(r => r.Key).ToList());
        return rows.Select(r => new SearchHit(
            r.Id, r.Month, r.Title,
            highlighter.Highlight(r.Title),
            highlighter.Snippet(SnippetSource(highlighter, r.Lead, r.Body)),
            countries.GetValueOrDefault(r.Key, []),
            r.Rank is { } rank ? -rank : null)).ToList();
    }

    // The lead when it has a match (or nothing matches at all), otherwise the body: the snippet should show why.
    static string SnippetSource(Highlighter highlighter, string lead, string body) =>
        highlighter.IsEmpty || highlighter.Matches(lead).Count > 0 ? lead : body.Replace("## ", "");

    Dictionary<long, List<string>> CountriesOf(List<long> keys)
    {
        var result = new Dictionary<long, List<string>>();
        if (keys.Count == 0) return result;
        var rows = Rows($"SELECT article_key, iso2 FROM article_countries WHERE article_key IN ({string.Join(",", keys)}) ORDER BY weight DESC, iso2", [],
            r => (Key: r.GetInt64(0), Iso2: r.GetString(1)));
        foreach (var (key, iso2) in rows)
        {
            if (!result.TryGetValue(key, out var list)) result[key] = list = [];
            list.Add(iso2);
        }
        return result;
    }

    List<(TermNode Node, TermVariants Variants)> Variants(ParsedQuery parsed)
    {
        var result = new List<(TermNode, TermVariants)>();
        if (parsed.Root is null) return result;
        foreach (var term in parsed.Root.PositiveLeaves().OfType<TermNode>().Take(10))
        {
            var analyzed = FrenchAnalyzer.Analyze(term.Text);
            var forms = term switch
            {
                { Prefix: true } => Rows("SELECT form, occurrences FROM words WHERE folded >= $x AND folded < $hi ORDER BY occurrences DESC, form LIMIT 30",
                    [("$x", analyzed.Exact), ("$hi", analyzed.Exact + "\U0010FFFF")], r => (Form: r.GetString(0), Count: r.GetInt64(1))),
                { Exact: true } => Rows("SELECT form, occurrences FROM words WHERE folded = $x ORDER BY occurrences DESC, form LIMIT 30",
                    [("$x", analyzed.Exact)], r => (Form: r.GetString(0), Count: r.GetInt64(1))),
                _ => Rows("SELECT form, occurrences FROM words WHERE stem = $s ORDER BY occurrences DESC, form LIMIT 30",
                    [("$s", analyzed.Stem)], r => (Form: r.GetString(0), Count: r.GetInt64(1))),
            };
            var variants = forms.Select(f => new WordVariant(f.Form, f.Count,
                forms.Count < 2 || term.Exact ? null : Without(parsed.Root, term, forms.Select(x => x.Form).Where(x => x != f.Form).ToList()))).ToList();
            result.Add((term, new TermVariants(term.ToQueryText(), variants)));
        }
        return result;
    }

    /// <summary>The query with a term replaced by the exact forms that remain once one form is removed.</summary>
    static string Without(QueryNode root, TermNode term, List<string> remaining)
    {
        QueryNode replacement = remaining.Count == 1
            ? new TermNode(remaining[0], Exact: true)
            : new OrNode(remaining.Select(f => (QueryNode)new TermNode(f, Exact: true)).ToList());
        return root.Replace(term, replacement).ToQueryText();
    }

    List<Suggestion> Suggestions(ParsedQuery parsed, List<(TermNode Node, TermVariants Variants)> variants)
    {
        var result = new List<Suggestion>();
        foreach (var (term, found) in variants)
        {
            if (found.Forms.Count > 0 || term.Prefix) continue;
            var folded = Folding.Fold(term.Text);
            if (folded.Length < 3 || folded.Contains(' ')) continue;
            int maxDistance = folded.Length <= 4 ? 1 : 2;
            var candidates = Rows("""
                SELECT folded, form, occurrences FROM words
                WHERE folded >= $lo AND folded < $hi AND length(folded) BETWEEN $min AND $max
                ORDER BY occurrences DESC LIMIT 20000
                """,
                [("$lo", folded[..1]), ("$hi", folded[..1] + "\U0010FFFF"), ("$min", folded.Length - maxDistance), ("$max", folded.Length + maxDistance)],
                r => (Folded: r.GetString(0), Form: r.GetString(1), Count: r.GetInt64(2)));
            var best = candidates
                .Select(c => (c.Form, c.Count, Distance: Levenshtein(folded, c.Folded, maxDistance)))
                .Where(c => c.Distance <= maxDistance)
                .OrderBy(c => c.Distance).ThenByDescending(c => c.Count)
                .FirstOrDefault();
            if (best.Form is null) continue;
            var replacement = char.IsUpper(term.Text[0]) ? char.ToUpperInvariant(best.Form[0]) + best.Form[1..] : best.Form;
            var query = parsed.Root!.Replace(term, term with { Text = replacement }).ToQueryText();
            result.Add(new Suggestion(term.Text, replacement, query));
        }
        return result;
    }

    /// <summary>Edit distance, giving up (returning max + 1) once it must exceed <paramref name="max"/>.</summary>
    internal static int Levenshtein(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > max) return max + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    void Execute(string sql, IEnumerable<(string, object)> parameters)
    {
        using var cmd = Command(sql, parameters);
        cmd.ExecuteNonQuery();
    }

    object? Scalar(string sql, IEnumerable<(string, object)> parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteScalar();
    }

    List<T> Rows<T>(string sql, IEnumerable<(string, object)> parameters, Func<SqliteDataReader, T> read)
    {
        using var cmd = Command(sql, parameters);
        using var reader = cmd.ExecuteReader();
        var list = new List<T>();
        while (reader.Read()) list.Add(read(reader));
        return list;
    }

    SqliteCommand Command(string sql, IEnumerable<(string, object)> parameters)
    {
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }
}
