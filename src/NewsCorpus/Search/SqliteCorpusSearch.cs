using Microsoft.Data.Sqlite;

namespace NewsCorpus.Search;

/// <summary>Search on the SQLite store: FTS5 with bm25, facets read from a temporary table of the matches.</summary>
public sealed class SqliteCorpusSearch(SqliteConnection connection) : CorpusSearch(connection)
{
    /// <summary>Up to this many matches, facets look each match up by key; beyond, a scan of the table is cheaper.</summary>
    const int KeyLookupLimit = 5000;

    protected override IDisposable StartBudget() => new QueryBudget(connection, Budget);

    protected override Matches? Match(ParsedQuery parsed, SearchSort sort, int page, int pageSize)
    {
        var match = FtsQuery.Compile(parsed.Root);
        if (parsed.HasText && match is null) return null;

        // The match and the filters are evaluated once: the matching keys and their rank go to a temporary
        // table (private to this connection), which the count, the page and every facet then read.
        // By date the rank is not needed: bm25 over every match is most of a large search's cost.
        bool ranked = sort == SearchSort.Relevance && parsed.HasText;
        var (hitsSql, parameters) = MatchingKeys(match, parsed.Filters, ranked);
        // SQLite's default temporary store, a file (its pages cached up to the cache size, the rest left to the
        // OS): a store in memory kept each pooled connection's largest result set in the site's memory, and
        // measured slower for large ones (about 180 instead of 120 ms for 80,000 matches at 100,000 articles).
        Execute("CREATE TEMP TABLE IF NOT EXISTS search_hits (k INTEGER PRIMARY KEY, rank REAL NOT NULL)", []);
        Execute("DELETE FROM temp.search_hits", []);
        Execute($"INSERT INTO temp.search_hits (k, rank) {hitsSql}", parameters);
        int total = Convert.ToInt32(Scalar("SELECT count(*) FROM temp.search_hits", []));
        // The temporary table has no statistics, so the join order is chosen here: a few matches are looked up
        // by key (CROSS JOIN keeps them as the outer loop), many are met by scanning the large table once.
        var join = total <= KeyLookupLimit ? "CROSS JOIN" : "JOIN";
        var hitsFrom = $"FROM temp.search_hits m {join} articles a ON a.article_key = m.k WHERE 1";
        // By relevance the page is the first rows by rank: take them before touching the articles.
        var pageFrom = ranked
            ? $"FROM (SELECT k, rank FROM temp.search_hits ORDER BY rank LIMIT {pageSize} OFFSET {(long)(page - 1) * pageSize}) m CROSS JOIN articles a ON a.article_key = m.k WHERE 1"
            : hitsFrom;

        var hits = Hits(pageFrom, sort, pageFrom == hitsFrom ? page : 1, pageSize, parsed, ranked);
        var months = Rows($"SELECT a.month, count(*) {hitsFrom} GROUP BY a.month ORDER BY a.month", [],
            r => new MonthCount(r.GetString(0), r.GetInt32(1)));

        int step = FacetStep(total);
        int sampled = step == 1 ? total : Convert.ToInt32(Scalar($"SELECT count(*) FROM temp.search_hits WHERE k % {step} = 0", []));
        var facetFrom = step == 1
            ? $"FROM temp.search_hits m {join}"
            : $"FROM (SELECT k FROM temp.search_hits WHERE k % {step} = 0) m CROSS JOIN";
        var countries = Rows($"SELECT c.iso2, count(*) {facetFrom} article_countries c ON c.article_key = m.k GROUP BY c.iso2 ORDER BY count(*) DESC, c.iso2", [],
            r => new CountryCount(r.GetString(0), Scaled(r.GetInt32(1), total, sampled)));
        var entities = Rows($"""
            SELECT e.slug, e.name, e.kind, t.n FROM
                (SELECT x.entity_key, count(*) AS n {facetFrom} article_entities x ON x.article_key = m.k
                 GROUP BY x.entity_key ORDER BY n DESC, x.entity_key LIMIT 30) t
            JOIN entities e ON e.entity_key = t.entity_key ORDER BY t.n DESC, e.name
            """, [], r => new EntityCount(r.GetString(0), r.GetString(1), (NewsCorpus.Entities.EntityKind)r.GetInt32(2), Scaled(r.GetInt32(3), total, sampled)));
        return new Matches(total, hits, months, countries, entities, step == 1 ? null : sampled);
    }

    /// <summary>
    /// The SELECT of every match's key and rank. Filters are written on the key alone, so that the articles
    /// table (whose rows hold the text) is not read once per match just to confirm the key.
    /// </summary>
    static (string Sql, List<(string, object)> Parameters) MatchingKeys(string? match, SearchFilters filters, bool ranked)
    {
        if (match is null)
        {
            var (from, p) = Source(null, filters);
            return ($"SELECT a.article_key, 0 {from}", p);
        }
        var parameters = new List<(string, object)> { ("@match", match) };
        var sql = new System.Text.StringBuilder($"SELECT rowid, {(ranked ? FtsQuery.Bm25 : "0")} FROM article_fts WHERE article_fts MATCH @match");
        // "+rowid", not "rowid": FTS5 takes a constraint on rowid as a lookup and would run the whole match once
        // for every key the IN list holds (4.8 s instead of 26 ms for Wagner in Mali's 60,000 articles).
        sql.Append(FilterConditions(filters, parameters, key: "+rowid", month: null));
        return (sql.ToString(), parameters);
    }

    protected override List<MonthCount>? CountByMonth(ParsedQuery parsed)
    {
        var match = FtsQuery.Compile(parsed.Root);
        if (parsed.HasText && match is null) return null;
        var (from, parameters) = Source(match, parsed.Filters);
        return Rows($"SELECT a.month, count(*) {from} GROUP BY a.month ORDER BY a.month", parameters,
            r => new MonthCount(r.GetString(0), r.GetInt32(1)));
    }

    protected override IEnumerable<long>? Keys(ParsedQuery parsed, SearchSort sort)
    {
        var match = FtsQuery.Compile(parsed.Root);
        if (parsed.HasText && match is null) return null;
        var (from, parameters) = Source(match, parsed.Filters, ranked: sort == SearchSort.Relevance);
        return ReadKeys($"SELECT a.article_key {from} ORDER BY {OrderBy(sort)}", parameters);
    }

    // The budget runs until the first row: sorting is the work; after that the reader sets the pace.
    IEnumerable<long> ReadKeys(string sql, List<(string, object)> parameters)
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

    static string OrderBy(SearchSort sort) => sort switch
    {
        SearchSort.Relevance => "m.rank, a.month DESC, a.article_key",
        SearchSort.Oldest => "a.month, a.number, a.id",
        _ => "a.month DESC, a.number DESC, a.id",
    };

    /// <summary>The FROM … WHERE part shared by the hits, the count and the facets.</summary>
    static (string Sql, List<(string, object)> Parameters) Source(string? match, SearchFilters filters, bool ranked = false)
    {
        var p = new List<(string, object)>();
        string from;
        if (match is not null)
        {
            from = $"FROM (SELECT rowid AS k, {(ranked ? FtsQuery.Bm25 : "0")} AS rank FROM article_fts WHERE article_fts MATCH @match) m JOIN articles a ON a.article_key = m.k WHERE 1";
            p.Add(("@match", match));
        }
        else
        {
            from = "FROM articles a WHERE 1";
        }
        return (from + FilterConditions(filters, p), p);
    }

    List<SearchHit> Hits(string from, SearchSort sort, int page, int pageSize, ParsedQuery parsed, bool ranked)
    {
        var p = new List<(string, object)> { ("@limit", pageSize), ("@offset", (long)(page - 1) * pageSize) };
        var highlighter = new Highlighter(parsed.Root);
        var rows = Rows($"SELECT a.article_key, a.id, a.month, a.title, a.lead, a.body, {(ranked ? "m.rank" : "NULL")} {from} ORDER BY {OrderBy(sort)} LIMIT @limit OFFSET @offset", p,
            r => (Key: r.GetInt64(0), Id: r.GetString(1), Month: r.GetString(2), Title: r.GetString(3), Lead: r.GetString(4), Body: r.GetString(5), Rank: r.IsDBNull(6) ? (double?)null : r.GetDouble(6)));
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
}
