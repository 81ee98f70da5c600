using System.Data.Common;
using Microsoft.Data.Sqlite;
using NewsCorpus.Analysis;
using NewsCorpus.Articles;
using NewsCorpus.Charts;
using NewsCorpus.Export;
using Npgsql;

namespace NewsCorpus.Search;

/// <summary>
/// Runs a search on the store: ranked hits with snippets for the page shown, the total, facets over the whole
/// result set, the word forms each term matched and suggestions for words the corpus does not have.
/// The parsing, the word forms and the suggestions are shared; finding and ranking the matches is the
/// engine's own (<see cref="SqliteCorpusSearch"/>, <see cref="PostgresCorpusSearch"/>).
/// </summary>
public abstract class CorpusSearch(DbConnection connection)
{
    public const int MaxPageSize = 100;

    /// <summary>The search for the store behind <paramref name="connection"/>.</summary>
    public static CorpusSearch For(DbConnection connection) => connection switch
    {
        SqliteConnection sqlite => new SqliteCorpusSearch(sqlite),
        NpgsqlConnection postgres => new PostgresCorpusSearch(postgres),
        _ => throw new NotSupportedException($"No search for {connection.GetType().Name}"),
    };

    /// <summary>
    /// Reads now what the first search after an import would otherwise wait for: on SQLite, the per-article
    /// columns searches count and sort with (a second or two at a million articles) and the index commit the import
    /// made (built from the store when it has none).
    /// </summary>
    public static void Warm(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        ArticleColumns.For(sqlite);
        FullTextIndex.Warm(sqlite);
    }

    /// <summary>How long one search may run before the database is told to stop.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Above this many matches the country and entity facets are counted on a sample of about this many (the
    /// matches whose key is a multiple of <see cref="FacetStep"/>) and scaled: exact facets read every match's
    /// countries and entities, a cost that grows with the corpus while the page shows fifteen of them.
    /// </summary>
    public int FacetSampleSize { get; init; } = 10_000;

    /// <summary>1 when facets count every match, else the step between sampled keys.</summary>
    protected int FacetStep(int total) => total <= FacetSampleSize ? 1 : (total + FacetSampleSize - 1) / FacetSampleSize;

    /// <summary>A facet count from the sample, scaled to the whole result set.</summary>
    protected static int Scaled(int count, int total, int sampled) =>
        sampled >= total || sampled == 0 ? count : (int)Math.Round((double)count * total / sampled);

    /// <summary>What one search found before the word forms and suggestions are added; <see cref="Sample"/> as in <see cref="SearchResults.FacetSample"/>.</summary>
    protected sealed record Matches(int Total, List<SearchHit> Hits, List<MonthCount> Months, List<CountryCount> Countries, List<EntityCount> Entities, int? Sample)
    {
        public List<SourceCount> Sources { get; init; } = [];
        /// <summary>As in <see cref="SearchResults.TotalSample"/>.</summary>
        public int? TotalSample { get; init; }
        /// <summary>Remarks on how the matches were found, added to the query's notices.</summary>
        public IReadOnlyList<QueryNotice> Notices { get; init; } = [];
    }

    /// <summary>The count, the page of hits and the facets; null when the query cannot match anything.</summary>
    protected abstract Matches? Match(ParsedQuery parsed, SearchSort sort, int page, int pageSize);

    /// <summary>Articles a month for the query (every article the filters keep when it has no words); null when it cannot match.</summary>
    protected abstract List<MonthCount>? CountByMonth(ParsedQuery parsed);

    /// <summary>Every matching key in the page order, read as consumed; null when the query cannot match.</summary>
    protected abstract IEnumerable<long>? Keys(ParsedQuery parsed, SearchSort sort);

    /// <summary>Starts the time budget for the statements that follow, until disposed.</summary>
    protected abstract IDisposable StartBudget();

    public SearchResults Search(SearchRequest request)
    {
        var (parsed, sort) = Prepare(request);
        int pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        int page = Math.Max(1, request.Page);
        if (!parsed.HasText && parsed.Filters.IsEmpty) return Empty(parsed, sort, page, pageSize);
        try
        {
            using var budget = StartBudget();
            var found = Match(parsed, sort, page, pageSize);
            if (found is null) return Empty(parsed, sort, page, pageSize);
            var variants = Variants(parsed);
            var suggestions = Suggestions(parsed, variants);
            if (found.Notices.Count > 0) parsed = parsed with { Notices = [.. parsed.Notices, .. found.Notices] };
            return new SearchResults(parsed, sort, found.Total, page, pageSize, found.Hits, found.Months, found.Countries, found.Entities,
                variants.Select(v => v.Variants).ToList(), suggestions) { FacetSample = found.Sample, TotalSample = found.TotalSample, Sources = found.Sources };
        }
        catch (Exception e) when (QueryBudget.IsInterruption(e))
        {
            return Empty(parsed with { Notices = [.. parsed.Notices, TimedOut] }, sort, page, pageSize);
        }
    }

    static SearchResults Empty(ParsedQuery parsed, SearchSort sort, int page, int pageSize) =>
        new(parsed, sort, 0, page, pageSize, [], [], [], [], [], []);

    QueryNotice TimedOut => new(NoticeKind.TimedOut, Budget.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// How many articles match in each month, with nothing else computed: what a trend line needs. A query
    /// with no words counts every article that the filters keep.
    /// </summary>
    public List<MonthCount> MonthCounts(string? query, SearchFilters filters, out ParsedQuery parsed)
    {
        parsed = Parse(query, filters);
        try
        {
            using var budget = StartBudget();
            return CountByMonth(parsed) ?? [];
        }
        catch (Exception e) when (QueryBudget.IsInterruption(e))
        {
            parsed = parsed with { Notices = [.. parsed.Notices, TimedOut] };
            return [];
        }
    }

    /// <summary>
    /// Every article the search matches, in the order the pages show (page and page size are ignored), read
    /// as the caller consumes them: for exports and feeds, with no snippets, facets or count. The time budget
    /// covers finding and sorting the matches, up to the first row; after that the reader sets the pace.
    /// A search that runs out of budget throws on the first row (<see cref="QueryBudget.IsInterruption"/>).
    /// </summary>
    public IEnumerable<ArticleRow> All(SearchRequest request) => new ArticleRows(connection).Read(AllKeys(request));

    /// <summary>The keys of every matching article, in the page's order, read as the caller consumes them (see <see cref="All"/>).</summary>
    public IEnumerable<long> AllKeys(SearchRequest request)
    {
        var (parsed, sort) = Prepare(request);
        if (!parsed.HasText && parsed.Filters.IsEmpty) return [];
        return Keys(parsed, sort) ?? [];
    }

    /// <summary>Above this many matches in a chart's window, a search's chart stays a bar a month: counting by day reads every match's row.</summary>
    public const int MaxMatchesCountedByDay = 20_000;

    /// <summary>
    /// The search's matches from <paramref name="first"/> to <paramref name="last"/> (within its own date filter),
    /// counted by day, for a chart of a few months drawn by week or day. Empty when there are more than
    /// <see cref="MaxMatchesCountedByDay"/> of them or the time budget runs out: the chart then stays by month.
    /// </summary>
    public List<DatedCount> CountByDay(SearchRequest request, YearMonth first, YearMonth last)
    {
        var filters = request.Filters with
        {
            From = request.Filters.From is { } from && from > first ? from : first,
            To = request.Filters.To is { } to && to < last ? to : last,
        };
        var counts = new Dictionary<(string Month, int? Day), int>();
        try
        {
            var keys = AllKeys(request with { Filters = filters, Sort = SearchSort.Oldest }).Take(MaxMatchesCountedByDay + 1).ToList();
            if (keys.Count > MaxMatchesCountedByDay) return [];
            foreach (var chunk in keys.Chunk(1000))
                foreach (var (month, day, count) in Rows($"SELECT month, day, count(*) FROM articles WHERE article_key IN ({string.Join(",", chunk)}) GROUP BY month, day", [],
                    r => (r.GetString(0), r.IsDBNull(1) ? (int?)null : r.GetInt32(1), Convert.ToInt32(r.GetValue(2)))))
                    counts[(month, day)] = counts.GetValueOrDefault((month, day)) + count;
        }
        catch (Exception e) when (QueryBudget.IsInterruption(e))
        {
            return [];
        }
        return counts.Select(c => DatedCount.Read(c.Key.Month, c.Key.Day, c.Value)).OfType<DatedCount>().ToList();
    }

    /// <summary>
    /// The query parsed, with what each of its ordinary words looks for in this corpus (<see cref="QueryStems"/>):
    /// the stems of the corpus's words that fold to it, or the name the corpus writes.
    /// </summary>
    public ParsedQuery Parse(string? query, SearchFilters filters)
    {
        var parsed = QueryParser.Parse(query, filters);
        return parsed with { Stems = QueryStems.Resolve(parsed.Root,
            folded => Rows("SELECT stem, sum(occurrences) FROM words WHERE folded = @x GROUP BY stem", [("@x", folded)],
                r => (r.GetString(0), Convert.ToInt64(r.GetValue(1)))),
            stem => Convert.ToInt64(Scalar("SELECT coalesce(sum(occurrences), 0) FROM words WHERE stem = @s", [("@s", stem)]))) };
    }

    (ParsedQuery Parsed, SearchSort Sort) Prepare(SearchRequest request)
    {
        var parsed = Parse(request.Query, request.Filters);
        if (request.Notices.Count > 0) parsed = parsed with { Notices = [.. request.Notices, .. parsed.Notices] };
        var sort = request.Sort ?? (parsed.HasText ? SearchSort.Relevance : SearchSort.Newest);
        if (!parsed.HasText && sort == SearchSort.Relevance) sort = SearchSort.Newest;
        return (parsed, sort);
    }

    /// <summary>The countries of each article, most present first, for the hits shown.</summary>
    protected Dictionary<long, List<string>> CountriesOf(List<long> keys)
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
                { Prefix: true } => Rows("SELECT form, occurrences FROM words WHERE folded >= @x AND folded < @hi ORDER BY occurrences DESC, form LIMIT 30",
                    [("@x", analyzed.Exact), ("@hi", analyzed.Exact + "\U0010FFFF")], r => (Form: r.GetString(0), Count: Convert.ToInt64(r.GetValue(1)))),
                { Exact: true } => Rows("SELECT form, occurrences FROM words WHERE folded = @x ORDER BY occurrences DESC, form LIMIT 30",
                    [("@x", analyzed.Exact)], r => (Form: r.GetString(0), Count: Convert.ToInt64(r.GetValue(1)))),
                _ => FormsOf(parsed, term),
            };
            var variants = forms.Select(f => new WordVariant(f.Form, f.Count,
                forms.Count < 2 || term.Exact ? null : Without(parsed.Root, term, forms.Select(x => x.Form).Where(x => x != f.Form).ToList()))).ToList();
            result.Add((term, new TermVariants(term.ToQueryText(), variants)));
        }
        return result;
    }

    /// <summary>The corpus's forms an ordinary term finds: those of its stems, and its demonyms.</summary>
    List<(string Form, long Count)> FormsOf(ParsedQuery parsed, TermNode term)
    {
        var words = QueryStems.Words(term.Text).Select(parsed.Stems.Of).ToList();
        var stems = words.SelectMany(w => w.Stems).Distinct().ToList();
        var demonyms = words.SelectMany(w => w.Demonyms).Distinct().ToList();
        if (stems.Count == 0) return [];
        string List(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => prefix + i));
        return Rows($"SELECT form, occurrences FROM words WHERE stem IN ({List("@s", stems.Count)}) OR folded IN ({List("@d", Math.Max(1, demonyms.Count))}) ORDER BY occurrences DESC, form LIMIT 30",
            stems.Select((s, i) => ("@s" + i, (object)s)).Concat(demonyms.Count == 0 ? [("@d0", "")] : demonyms.Select((d, i) => ("@d" + i, (object)d))),
            r => (r.GetString(0), Convert.ToInt64(r.GetValue(1))));
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
                WHERE folded >= @lo AND folded < @hi AND length(folded) BETWEEN @min AND @max
                ORDER BY occurrences DESC LIMIT 20000
                """,
                [("@lo", folded[..1]), ("@hi", folded[..1] + "\U0010FFFF"), ("@min", folded.Length - maxDistance), ("@max", folded.Length + maxDistance)],
                r => (Folded: r.GetString(0), Form: r.GetString(1), Count: Convert.ToInt64(r.GetValue(2))));
            var best = candidates
                .Select(c => (c.Form, c.Count, Distance: EditDistance.Levenshtein(folded, c.Folded, maxDistance)))
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

    protected object? Scalar(string sql, IEnumerable<(string, object)> parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteScalar();
    }

    protected List<T> Rows<T>(string sql, IEnumerable<(string, object)> parameters, Func<DbDataReader, T> read)
    {
        using var cmd = Command(sql, parameters);
        using var reader = cmd.ExecuteReader();
        var list = new List<T>();
        while (reader.Read()) list.Add(read(reader));
        return list;
    }

    /// <summary>A command on the store's connection with named parameters (@name, which both engines read).</summary>
    protected virtual DbCommand Command(string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
