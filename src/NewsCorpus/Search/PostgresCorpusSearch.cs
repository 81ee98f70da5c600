using System.Data.Common;
using System.Text.Json;
using NewsCorpus.Storage;
using NewsCorpus.Storage.Postgres;
using Npgsql;

namespace NewsCorpus.Search;

/// <summary>
/// Search on the PostgreSQL store: the tsvector columns and their GIN (or, opt-in, RUM) indexes, ts_rank, and ts_headline
/// for the rows shown only. The matches are evaluated once, in a materialized CTE that the count and the facets
/// read in the same statement as the page: no temporary table, so it runs on a read-only replica too.
/// </summary>
public sealed class PostgresCorpusSearch(NpgsqlConnection connection) : CorpusSearch(connection)
{
    /// <summary>
    /// With RUM indexes a ranked page is chosen among this many candidates (or the next multiple that reaches the
    /// page), taken from the index in its own order (cover density, <c>&lt;=&gt;</c>), then ordered by ts_rank as
    /// without RUM: ts_rank reads each article's tsvector, so it is kept to the candidates.
    /// </summary>
    public const int RankedCandidates = 200;

    /// <summary>
    /// Without RUM, ts_rank reads each match's tsvector out of TOAST, about 8 µs a match: a word in 800,000 articles
    /// took 7 s to rank. Above this many matches the page ranks the newest this-many of them and says so
    /// (<see cref="NoticeKind.RankedAmongNewest"/>); the count, histogram and facets still cover every match.
    /// </summary>
    public int MaxRankedMatches { get; init; } = 5_000;

    /// <summary>
    /// When the search sample (<see cref="PostgresSchema.SamplePredicate"/>) says a query matches at least this many
    /// articles, its count, months, outlets and facets are estimated from the sample's matches, scaled (and said to
    /// be, <see cref="SearchResults.TotalSample"/>): counting every match walks a bitmap of them all, 2 s for a word
    /// in 900,000 articles of a million, where the sample's own indexes answer in milliseconds. The page is still
    /// taken from every match.
    /// </summary>
    public int EstimateAbove { get; init; } = 50_000;

    /// <summary>
    /// Above this share of the corpus matching, a page by date (or the newest to rank) is found by reading the
    /// articles newest first until it is full, each checked against the query; below it, from the bitmap of every
    /// match, sorted. An article read in date order and ranked took about 15 µs (its tsvector out of TOAST, for the
    /// match and for ts_rank), a match of the bitmap a few µs: with 5,000 to find, reading in date order wins once
    /// the matches are dense. The share is a rough crossing point from those two costs, not a measured one.
    /// </summary>
    const double WalkDateOrderAbove = 1.0 / 6;

    /// <summary>
    /// Estimated, the country and entity facets are counted on about this many of the sample's matches (up to 15,600
    /// at a million articles): each costs two index lookups, 40 to 60 µs together.
    /// </summary>
    const int EstimatedFacetSample = 1_000;

    int? timeoutSeconds;
    (int Publication, bool Rum)? searchIndexes;
    bool? hasSample;

    bool HasSample => hasSample ??= PostgresSchema.HasSampleIndexes(connection);

    (int Publication, bool Rum) SearchIndexes => searchIndexes ??= PostgresSchema.SearchIndexes(connection) ?? (0, false);

    bool RankedFromIndex => SearchIndexes.Rum;

    // Npgsql cancels a statement that outlives its command timeout (whole seconds, so a budget under one second is one).
    protected override IDisposable StartBudget()
    {
        timeoutSeconds = Math.Max(1, (int)Math.Ceiling(Budget.TotalSeconds));
        return new Reset(() => timeoutSeconds = null);
    }

    sealed class Reset(Action reset) : IDisposable
    {
        public void Dispose() => reset();
    }

    protected override DbCommand Command(string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        var cmd = base.Command(sql, parameters);
        if (timeoutSeconds is { } seconds) cmd.CommandTimeout = seconds;
        return cmd;
    }

    /// <summary>
    /// The planner prices <c>tsvector @@ tsquery</c> as a cheap operator, but on a row it means reading the
    /// article's tsvector out of TOAST: for a common word it picks a sequential scan that took 0.9 s where the
    /// bitmap scan of the RUM index took 30 ms (100,000 articles), and 9.5 s where the GIN bitmap took 1.9 s
    /// (a million; GIN rechecks phrases on their matches only). Until disposed, the session is told to prefer the
    /// index, with the memory to keep a bitmap of a million matches exact (a lossy one rechecks every row of its
    /// pages) and to sort RUM's candidates without a temporary file.
    /// </summary>
    IDisposable? PreferSearchIndexes(ParsedQuery parsed) =>
        parsed.HasText ? PlannerSettings(("enable_seqscan", "off"), ("work_mem", "'64MB'")) : null;

    /// <summary>Sets the session's planner settings until disposed, then resets them.</summary>
    IDisposable PlannerSettings(params (string Name, string Value)[] settings)
    {
        Scalar(string.Join("; ", settings.Select(s => $"SET {s.Name} = {s.Value}")), []);
        return new Reset(() =>
        {
            if (connection.State != System.Data.ConnectionState.Open) return;
            // In a failed transaction the SET is undone with it, and RESET would fail.
            try { Scalar(string.Join("; ", settings.Select(s => $"RESET {s.Name}")), []); } catch (PostgresException) { }
        });
    }

    protected override Matches? Match(ParsedQuery parsed, SearchSort sort, int page, int pageSize)
    {
        var (where, rank, query, order, parameters) = Source(parsed);
        if (where is null) return null;
        using var plan = PreferSearchIndexes(parsed);
        // By date the rank is not needed, and ts_rank reads every match's tsvector.
        bool ranked = sort == SearchSort.Relevance && parsed.HasText;
        if (!ranked) rank = "0";
        long offset = (long)(page - 1) * pageSize;
        parameters.Add(("@limit", pageSize));
        parameters.Add(("@offset", offset));
        int? sampled = parsed.HasText && HasSample ? SampleMatches(where, parameters) : null;
        int scale = sampled is { } n && (long)n * PostgresSchema.SampleEvery >= EstimateAbove ? PostgresSchema.SampleEvery : 1;
        parameters.Add(("@sample", scale == 1 ? FacetSampleSize : Math.Min(FacetSampleSize, EstimatedFacetSample)));
        bool walk = scale > 1 && !(ranked && RankedFromIndex) && (double)sampled!.Value * scale / Math.Max(1, ArticleCount()) >= WalkDateOrderAbove;
        // Estimated, the CTE m holds the sample's matches, and the page is taken from all of them (every).
        string counted = scale == 1 ? where : $"{where} AND a.{PostgresSchema.SamplePredicate}";
        string every = scale == 1 ? "m" : $"(SELECT a.article_key AS k, a.month, a.day, a.number, a.id, 0 AS rank FROM articles a WHERE {where})";
        string pageSql;
        long rankedAmong = 0;   // 0: every match ranked
        // The page among candidate keys, ranked by ts_rank on their rows only; the matches' CTE then needs no rank,
        // so it reads no tsvector.
        string RankedPage(string candidates) => $"""
            SELECT k, rank, row_number() OVER (ORDER BY {OrderBy(sort)}) AS n FROM
                (SELECT a.article_key AS k, a.month, {rank} AS rank FROM articles a WHERE a.article_key IN ({candidates})) c
            ORDER BY {OrderBy(sort)} LIMIT @limit OFFSET @offset
            """;
        if (ranked && order is { } o && RankedFromIndex)
        {
            // The candidates come from the RUM index in its order.
            parameters.Add(("@candidates", (offset + pageSize + RankedCandidates - 1) / RankedCandidates * RankedCandidates));
            pageSql = RankedPage($"SELECT a.article_key FROM articles a WHERE {where} AND {o.Column} @@ {o.Query} ORDER BY {o.Column} <=> {o.Query} LIMIT @candidates");
            rank = "0";
        }
        else if (ranked)
        {
            // The newest matches (all of them when they are few enough).
            rankedAmong = Math.Max(MaxRankedMatches, offset + pageSize);
            parameters.Add(("@ranked", rankedAmong));
            // Read in date order, each of the newest is ranked as it is read; from the bitmap, after they are sorted.
            pageSql = walk ? $"""
                SELECT k, rank, row_number() OVER (ORDER BY {OrderBy(sort)}) AS n FROM
                    (SELECT a.article_key AS k, a.month, {rank} AS rank FROM articles a WHERE {where} ORDER BY {ArticleOrder.NewestSql} LIMIT @ranked) c
                ORDER BY {OrderBy(sort)} LIMIT @limit OFFSET @offset
                """
                : RankedPage($"SELECT k FROM {every} e ORDER BY {ArticleOrder.NewestSql} LIMIT @ranked");
            rank = "0";
        }
        else pageSql = $"SELECT k, rank, row_number() OVER (ORDER BY {OrderBy(sort)}) AS n FROM {every} e ORDER BY {OrderBy(sort)} LIMIT @limit OFFSET @offset";
        List<JsonElement[]>? estimatedPage = null;
        if (scale > 1)
        {
            // Taken first, alone: how to find it depends on how dense the matches are, which the planner cannot tell.
            using (walk ? WalkDateOrder() : null)
                estimatedPage = Rows($"SELECT json_agg(json_build_array(k, rank) ORDER BY n)::text FROM ({pageSql}) p", parameters, r => Json(r, 0)).Single();
            pageSql = "SELECT 0::bigint AS k, 0 AS rank, 0 AS n WHERE false";
        }
        // Large result sets count countries and entities on the matches whose key is a multiple of the step,
        // the same sample as on SQLite (see FacetSampleSize); estimated, every key is a multiple of the scale, so the
        // step applies to the key divided by it.
        parameters.Add(("@scale", scale));
        var facets = Rows($"""
            WITH m AS MATERIALIZED (
                SELECT a.article_key AS k, a.month, a.day, a.number, a.id, a.source, {rank} AS rank FROM articles a WHERE {counted}
            ),
            s AS (SELECT count(*)::int AS total, greatest(1, ceil(count(*) / @sample::numeric))::int AS step FROM m)
            SELECT
                (SELECT total FROM s),
                (SELECT count(*)::int FROM m WHERE k / @scale % (SELECT step FROM s) = 0),
                (SELECT json_agg(json_build_array(k, rank) ORDER BY n)::text FROM ({pageSql}) p),
                (SELECT json_agg(json_build_array(month, n) ORDER BY month)::text FROM
                    (SELECT month, count(*) AS n FROM m GROUP BY month) t),
                (SELECT json_agg(json_build_array(iso2, n) ORDER BY n DESC, iso2)::text FROM
                    (SELECT c.iso2, count(*) AS n FROM m JOIN article_countries c ON c.article_key = m.k
                     WHERE m.k / @scale % (SELECT step FROM s) = 0 GROUP BY c.iso2) t),
                (SELECT json_agg(json_build_array(e.slug, e.name, e.kind, t.n) ORDER BY t.n DESC, e.name)::text FROM
                    (SELECT x.entity_key, count(*) AS n FROM m JOIN article_entities x ON x.article_key = m.k
                     WHERE m.k / @scale % (SELECT step FROM s) = 0
                     GROUP BY x.entity_key ORDER BY n DESC, x.entity_key LIMIT 30) t
                    JOIN entities e ON e.entity_key = t.entity_key),
                (SELECT json_agg(json_build_array(source, n) ORDER BY n DESC, source)::text FROM
                    (SELECT source, count(*) AS n FROM m WHERE source IS NOT NULL GROUP BY source) t)
            """, parameters, r => (Total: r.GetInt32(0), Sampled: r.GetInt32(1), Page: Json(r, 2), Months: Json(r, 3), Countries: Json(r, 4), Entities: Json(r, 5),
                Sources: Json(r, 6))).Single();

        int total = facets.Total * scale, faceted = facets.Sampled;
        var pageKeys = (estimatedPage ?? facets.Page).Select(p => (Key: p[0].GetInt64(), Rank: p[1].GetDouble())).ToList();
        var hits = Hits(pageKeys, parsed.HasText ? query : null, parameters, ranked);
        return new Matches(total, hits,
            facets.Months.Select(m => new MonthCount(m[0].GetString()!, m[1].GetInt32() * scale)).ToList(),
            facets.Countries.Select(c => new CountryCount(c[0].GetString()!, Scaled(c[1].GetInt32(), total, faceted))).ToList(),
            facets.Entities.Select(e => new EntityCount(e[0].GetString()!, e[1].GetString()!, (NewsCorpus.Entities.EntityKind)e[2].GetInt32(), Scaled(e[3].GetInt32(), total, faceted))).ToList(),
            scale == 1 && FacetStep(total) == 1 ? null : faceted)
        {
            TotalSample = scale == 1 ? null : facets.Total,
            Sources = SourceNames.Facet(facets.Sources.Select(x => (x[0].GetString()!, x[1].GetInt32() * scale))),
            Notices = rankedAmong > 0 && total > rankedAmong
                ? [new QueryNotice(NoticeKind.RankedAmongNewest, rankedAmong.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [],
        };
    }

    /// <summary>How many articles of the search sample match.</summary>
    int SampleMatches(string where, List<(string, object)> parameters) =>
        Convert.ToInt32(Scalar($"SELECT count(*) FROM articles a WHERE {where} AND a.{PostgresSchema.SamplePredicate}", parameters));

    /// <summary>About how many articles the store has: the planner's figure, kept by ANALYZE (autovacuum's or an operator's).</summary>
    long ArticleCount() => Convert.ToInt64(Scalar(
        "SELECT CASE WHEN reltuples > 0 THEN reltuples::bigint ELSE (SELECT count(*) FROM articles) END FROM pg_class WHERE oid = 'articles'::regclass", []));

    /// <summary>
    /// Until disposed, pages are found by reading the articles in date order (the newest-first index), each checked
    /// against the query, not from a bitmap of every match (see <see cref="WalkDateOrderAbove"/>).
    /// </summary>
    IDisposable WalkDateOrder() => PlannerSettings(("enable_bitmapscan", "off"));

    static List<JsonElement[]> Json(DbDataReader r, int column) =>
        r.IsDBNull(column) ? [] : JsonSerializer.Deserialize<List<JsonElement[]>>(r.GetString(column))!;

    protected override List<MonthCount>? CountByMonth(ParsedQuery parsed)
    {
        var (where, _, _, _, parameters) = Source(parsed);
        if (where is null) return null;
        using var plan = PreferSearchIndexes(parsed);
        return Rows($"SELECT a.month, count(*)::int FROM articles a WHERE {where} GROUP BY a.month ORDER BY a.month", parameters,
            r => new MonthCount(r.GetString(0), r.GetInt32(1)));
    }

    protected override IEnumerable<long>? Keys(ParsedQuery parsed, SearchSort sort)
    {
        var (where, rank, _, _, parameters) = Source(parsed);
        if (where is null) return null;
        // Read whole before the first is handed out: a PostgreSQL connection runs one statement at a time, and the
        // callers read each article on the same connection. Eight bytes a match.
        using var budget = StartBudget();
        if (sort != SearchSort.Relevance) rank = "0";
        return Rows($"SELECT m.k FROM (SELECT a.article_key AS k, a.month, a.day, a.number, a.id, {rank} AS rank FROM articles a WHERE {where}) m ORDER BY {OrderBy(sort)}",
            parameters, r => r.GetInt64(0));
    }

    static string OrderBy(SearchSort sort) => sort switch
    {
        SearchSort.Relevance => "rank DESC, month DESC, k",
        SearchSort.Oldest => ArticleOrder.OldestSql,
        _ => ArticleOrder.NewestSql,
    };

    /// <summary>The WHERE condition (null when nothing can match), the rank, the highlight query, the index order (see <see cref="TsQuery.Order"/>) and their parameters.</summary>
    (string? Where, string Rank, string Highlight, (string Column, string Query)? Order, List<(string, object)> Parameters) Source(ParsedQuery parsed)
    {
        var parameters = new List<(string, object)>();
        var ts = TsQuery.Compile(parsed.Root, parsed.Stems, notInIndex: !RankedFromIndex);
        if (parsed.HasText && ts is null) return (null, "0", "", null, parameters);
        if (ts is not null) parameters.AddRange(ts.Parameters);
        var where = (ts?.Condition ?? "TRUE") + FilterConditions(parsed.Filters, parameters);
        // Always true, and what lets the planner use the RUM indexes, partial up to their publication (see PostgresSchema).
        if (ts is not null && RankedFromIndex) where += $" AND a.published_in <= {SearchIndexes.Publication}";
        if (parsed.Filters.SourceSlugs.Count > 0)
        {
            // Outlets are few: their names are matched to the slugs here, and the names bound as one array.
            var names = Rows("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL", [], r => r.GetString(0))
                .Where(name => parsed.Filters.SourceSlugs.Any(slug => SourceNames.Matches(name, slug))).ToArray();
            if (names.Length == 0) return (null, "0", "", null, parameters);
            where += " AND a.source = ANY(@sources)";
            parameters.Add(("@sources", names));
        }
        return (where, ts?.Rank ?? "0", ts?.Highlight ?? "", ts?.Order, parameters);
    }

    /// <summary>The AND … conditions for the month, country and entity filters on the article row <c>a</c>.</summary>
    static string FilterConditions(SearchFilters filters, List<(string, object)> parameters)
    {
        var sql = new System.Text.StringBuilder();
        if (filters.From is { } from) { sql.Append(" AND a.month >= @from"); parameters.Add(("@from", from.ToString())); }
        if (filters.To is { } to) { sql.Append(" AND a.month <= @to"); parameters.Add(("@to", to.ToString())); }
        for (int i = 0; i < filters.Countries.Count; i++)
        {
            sql.Append($" AND a.article_key IN (SELECT article_key FROM article_countries WHERE iso2 = @c{i})");
            parameters.Add(($"@c{i}", filters.Countries[i]));
        }
        for (int i = 0; i < filters.EntitySlugs.Count; i++)
        {
            sql.Append($" AND a.article_key IN (SELECT x.article_key FROM article_entities x JOIN entities e ON e.entity_key = x.entity_key WHERE e.slug = @e{i})");
            parameters.Add(($"@e{i}", filters.EntitySlugs[i]));
        }
        return sql.ToString();
    }

    // Private-use characters mark the highlights, so the text can be HTML-escaped before they become <mark>.
    const char Open = '\uE000', Close = '\uE001';
    const string TitleOptions = "StartSel=\uE000, StopSel=\uE001, HighlightAll=true";
    const string SnippetOptions = "StartSel=\uE000, StopSel=\uE001, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    List<SearchHit> Hits(List<(long Key, double Rank)> page, string? highlight, List<(string, object)> parameters, bool ranked)
    {
        if (page.Count == 0) return [];
        var keys = page.Select(p => p.Key).ToArray();
        List<(long Key, string Id, string Month, string Title, string TitleHtml, string Snippet)> rows;
        var dated = Rows("SELECT a.article_key, a.day, a.source FROM articles a WHERE a.article_key = ANY(@keys)", [("@keys", keys)],
            r => (Key: r.GetInt64(0), Day: r.IsDBNull(1) ? (int?)null : r.GetInt32(1), Source: r.IsDBNull(2) ? null : r.GetString(2)))
            .ToDictionary(r => r.Key);
        if (highlight is null)
        {
            rows = Rows("SELECT a.article_key, a.id, a.month, a.title, a.lead FROM articles a WHERE a.article_key = ANY(@keys)", [("@keys", keys)],
                r => (r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Html.Encode(r.GetString(3)), Plain.Snippet(r.GetString(4))));
        }
        else
        {
            var p = new List<(string, object)>(parameters) { ("@keys", keys), ("@title_options", TitleOptions), ("@snippet_options", SnippetOptions) };
            rows = Rows($"""
                SELECT a.article_key, a.id, a.month, a.title,
                    ts_headline('fr', a.title, {highlight}, @title_options),
                    ts_headline('fr', replace(regexp_replace(left(coalesce(a.search_body, a.body), {PostgresSchema.MaxIndexedBodyChars}), '^# [^\n]*\n\n', ''), '## ', ''), {highlight}, @snippet_options)
                FROM articles a WHERE a.article_key = ANY(@keys)
                """, p, r => (r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Marked(r.GetString(4)), Marked(r.GetString(5))));
        }
        var byKey = rows.ToDictionary(r => r.Key);
        var countries = CountriesOf([.. keys]);
        return page.Where(p => byKey.ContainsKey(p.Key)).Select(p =>
        {
            var r = byKey[p.Key];
            var d = dated.GetValueOrDefault(r.Key);
            return new SearchHit(r.Id, r.Month, r.Title, r.TitleHtml, r.Snippet, countries.GetValueOrDefault(r.Key, []), ranked ? p.Rank : null)
                { Day = d.Day, Source = d.Source };
        }).ToList();
    }

    static string Marked(string headline) => Html.Encode(headline).Replace(Open.ToString(), "<mark>").Replace(Close.ToString(), "</mark>");

    // With no words to show, a snippet is the start of the lead, cut as the SQLite search cuts it.
    static readonly Highlighter Plain = new(null, QueryStems.WithoutCorpus);
}
