using Microsoft.Data.Sqlite;

namespace NewsCorpus.Search;

/// <summary>Search on the SQLite store: the Lucene index beside it (<see cref="FullTextIndex"/>) finds and scores, the rest comes from <see cref="ArticleColumns"/>.</summary>
public sealed class SqliteCorpusSearch(SqliteConnection connection) : CorpusSearch(connection)
{
    protected override IDisposable StartBudget() => new QueryBudget(connection, Budget);

    /// <summary>
    /// The full-text index gives the matching keys and their rank; everything else — the filters, the count, the month
    /// histogram, the page in the chosen order, the facets — is worked out from <see cref="ArticleColumns"/>,
    /// so a search reads nothing of the articles but the rows it shows.
    /// </summary>
    protected override Matches? Match(ParsedQuery parsed, SearchSort sort, int page, int pageSize)
    {
        if (Matching(parsed, sort) is not { } found) return null;
        var (matches, columns) = found;
        var keys = new List<long>();
        var perMonth = new int[columns.Months.Count];
        var perSource = new int[columns.Sources.Count];
        // In long: a page number from a URL times the page size can pass int.MaxValue, and wrapped it showed page one.
        long offset = (long)(page - 1) * pageSize;
        // No page holds more keys than the store has: a page past that end keeps none.
        var first = new TopKeys((int)Math.Min(offset + pageSize, columns.KeyBound));
        foreach (var (key, rank) in matches)
        {
            keys.Add(key);
            perMonth[columns.MonthOf(key)]++;
            if (columns.SourceOf(key) is >= 0 and var s) perSource[s]++;
            first.Offer(key, Place(columns, sort, key, rank));
        }

        int total = keys.Count;
        var hits = Hits(offset >= total ? [] : first.InOrder().Skip((int)offset).ToList(), parsed, sort == SearchSort.Relevance);
        var months = MonthCounts(columns, perMonth);

        int step = FacetStep(total);
        int sampled = 0;
        var perCountry = new int[columns.Countries.Count];
        var perEntity = new int[columns.MaxEntityKey + 1];
        foreach (var key in keys)
        {
            if (key % step != 0) continue;
            sampled++;
            foreach (var c in columns.CountriesOf(key)) perCountry[c]++;
            foreach (var e in columns.EntitiesOf(key)) perEntity[e]++;
        }
        var countries = Enumerable.Range(0, perCountry.Length).Where(c => perCountry[c] > 0)
            .OrderByDescending(c => perCountry[c]).ThenBy(c => columns.Countries[c], StringComparer.Ordinal)
            .Select(c => new CountryCount(columns.Countries[c], Scaled(perCountry[c], total, sampled))).ToList();
        var topEntities = Enumerable.Range(0, perEntity.Length).Where(e => perEntity[e] > 0)
            .OrderByDescending(e => perEntity[e]).ThenBy(e => e).Take(30).ToList();
        var entities = topEntities.Count == 0 ? [] : Rows($"SELECT entity_key, slug, name, kind FROM entities WHERE entity_key IN ({string.Join(",", topEntities)})", [],
                r => (Key: r.GetInt32(0), Count: new EntityCount(r.GetString(1), r.GetString(2), (NewsCorpus.Entities.EntityKind)r.GetInt32(3), Scaled(perEntity[r.GetInt32(0)], total, sampled))))
            .OrderByDescending(x => perEntity[x.Key]).ThenBy(x => x.Count.Name, StringComparer.Ordinal).Select(x => x.Count).ToList();
        var sources = SourceNames.Facet(Enumerable.Range(0, perSource.Length).Where(s => perSource[s] > 0)
            .Select(s => (columns.Sources[s], perSource[s])));
        return new Matches(total, hits, months, countries, entities, step == 1 ? null : sampled) { Sources = sources };
    }

    protected override List<MonthCount>? CountByMonth(ParsedQuery parsed)
    {
        if (Matching(parsed, SearchSort.Newest) is not { } found) return null;
        var (matches, columns) = found;
        var perMonth = new int[columns.Months.Count];
        foreach (var (key, _) in matches) perMonth[columns.MonthOf(key)]++;
        return MonthCounts(columns, perMonth);
    }

    protected override IEnumerable<long>? Keys(ParsedQuery parsed, SearchSort sort) =>
        Matching(parsed, sort) is { } found ? SortedKeys(found.Matches, found.Columns, sort) : null;

    // Lazily, as the callers expect: the budget covers finding and sorting, and runs out on the first row.
    IEnumerable<long> SortedKeys(IEnumerable<(long Key, double Rank)> matches, ArticleColumns columns, SearchSort sort)
    {
        List<(long Key, (double, long, long) Place)> all;
        using (new QueryBudget(connection, Budget))
            all = matches.Select(m => (m.Key, Place(columns, sort, m.Key, m.Rank))).ToList();
        all.Sort((x, y) => x.Place.CompareTo(y.Place));
        foreach (var (key, _) in all) yield return key;
    }

    /// <summary>
    /// The articles the query and its filters keep, with their rank when sorting by relevance (the negated Lucene
    /// score, so that smaller comes first; else 0); null when the query cannot match anything.
    /// </summary>
    (IEnumerable<(long Key, double Rank)> Matches, ArticleColumns Columns)? Matching(ParsedQuery parsed, SearchSort sort)
    {
        // By date the score is not needed: BM25 over every match is most of a large search's cost.
        bool ranked = sort == SearchSort.Relevance;
        var query = LuceneQuery.ForSearch(parsed, ranked);
        if (parsed.HasText && query is null) return null;
        var columns = ArticleColumns.For(connection);
        var keep = KeyFilter(parsed.Filters, columns);
        if (keep is null) return ([], columns);
        return (query is null ? columns.Keys().Where(keep).Select(k => (k, 0.0)) : Read(query, ranked, columns, keep), columns);
    }

    List<(long Key, double Rank)> Read(Lucene.Net.Search.Query query, bool ranked, ArticleColumns columns, Func<long, bool> keep)
    {
        var collector = new MatchCollector(ranked, Budget);
        using (var index = FullTextIndex.Acquire(connection))
            index.Searcher.Search(query, collector);
        // A key the columns do not know came with an import committed since they were read: the next search has it.
        return collector.Matches.FindAll(m => columns.Has(m.Key) && keep(m.Key));
    }

    /// <summary>Where a match goes in the page order: by rank, then newest month, then key; or by date.</summary>
    static (double, long, long) Place(ArticleColumns columns, SearchSort sort, long key, double rank) => sort switch
    {
        SearchSort.Relevance => (rank, -columns.MonthOf(key), key),
        SearchSort.Oldest => (columns.OldestRank(key), 0, 0),
        _ => (columns.NewestRank(key), 0, 0),
    };

    static List<MonthCount> MonthCounts(ArticleColumns columns, int[] perMonth)
    {
        var months = new List<MonthCount>();
        for (int m = 0; m < perMonth.Length; m++)
            if (perMonth[m] > 0) months.Add(new MonthCount(columns.Months[m], perMonth[m]));
        return months;
    }

    /// <summary>The first keys in the page order, kept while the matches stream by: a heap with the last-placed key on top.</summary>
    sealed class TopKeys(int capacity)
    {
        readonly PriorityQueue<long, (double, long, long)> heap = new(Comparer<(double, long, long)>.Create((x, y) => y.CompareTo(x)));

        public void Offer(long key, (double, long, long) place)
        {
            if (capacity <= 0) return;
            if (heap.Count < capacity) heap.Enqueue(key, place);
            else if (heap.TryPeek(out _, out var last) && place.CompareTo(last) < 0) heap.EnqueueDequeue(key, place);
        }

        public List<(long Key, double Rank)> InOrder()
        {
            var all = heap.UnorderedItems.Select(x => (x.Element, x.Priority)).ToList();
            all.Sort((x, y) => x.Priority.CompareTo(y.Priority));
            return all.ConvertAll(x => (x.Element, x.Priority.Item1));
        }
    }

    /// <summary>The search's filters as a test on the key; null when they cannot keep any article.</summary>
    Func<long, bool>? KeyFilter(SearchFilters filters, ArticleColumns columns)
    {
        var tests = new List<Func<long, bool>>();
        if (filters.From is not null || filters.To is not null)
        {
            int first = 0, last = columns.Months.Count - 1;
            if (filters.From is { } from) while (first <= last && string.CompareOrdinal(columns.Months[first], from.ToString()) < 0) first++;
            if (filters.To is { } to) while (last >= first && string.CompareOrdinal(columns.Months[last], to.ToString()) > 0) last--;
            if (first > last) return null;
            tests.Add(k => columns.MonthOf(k) >= first && columns.MonthOf(k) <= last);
        }
        foreach (var iso2 in filters.Countries)
        {
            int index = columns.Countries.ToList().IndexOf(iso2);
            if (index < 0) return null;
            tests.Add(k => columns.CountriesOf(k).Contains((ushort)index));
        }
        if (filters.SourceSlugs.Count > 0)
        {
            var wanted = Enumerable.Range(0, columns.Sources.Count)
                .Where(i => filters.SourceSlugs.Any(slug => SourceNames.Matches(columns.Sources[i], slug))).ToHashSet();
            if (wanted.Count == 0) return null;
            tests.Add(k => wanted.Contains(columns.SourceOf(k)));
        }
        foreach (var slug in filters.EntitySlugs)
        {
            if (Scalar("SELECT entity_key FROM entities WHERE slug = @s", [("@s", slug)]) is not long entity) return null;
            tests.Add(k => columns.EntitiesOf(k).Contains((int)entity));
        }
        return k => tests.TrueForAll(t => t(k));
    }

    List<SearchHit> Hits(List<(long Key, double Rank)> shown, ParsedQuery parsed, bool ranked)
    {
        if (shown.Count == 0) return [];
        var highlighter = new Highlighter(parsed.Root, parsed.Stems);
        var rows = Rows($"SELECT article_key, id, month, title, lead, coalesce(search_body, body), day, source FROM articles WHERE article_key IN ({string.Join(",", shown.Select(s => s.Key))})", [],
            r => (Key: r.GetInt64(0), Id: r.GetString(1), Month: r.GetString(2), Title: r.GetString(3), Lead: r.GetString(4), Body: r.GetString(5),
                Day: r.IsDBNull(6) ? (int?)null : r.GetInt32(6), Source: r.IsDBNull(7) ? null : r.GetString(7)))
            .ToDictionary(r => r.Key);
        var countries = CountriesOf(shown.ConvertAll(s => s.Key));
        return shown.Where(s => rows.ContainsKey(s.Key)).Select(s =>
        {
            var r = rows[s.Key];
            return new SearchHit(r.Id, r.Month, r.Title,
                highlighter.Highlight(r.Title),
                highlighter.Snippet(SnippetSource(highlighter, r.Lead, r.Body)),
                countries.GetValueOrDefault(r.Key, []),
                ranked ? -s.Rank : null) { Day = r.Day, Source = r.Source };
        }).ToList();
    }

    // The lead when it has a match (or nothing matches at all), otherwise the body: the snippet should show why.
    static string SnippetSource(Highlighter highlighter, string lead, string body) =>
        highlighter.IsEmpty || highlighter.Matches(lead).Count > 0 ? lead : NewsCorpus.Articles.ArticleMarkdown.PlainText(body, withHeadline: false);
}
