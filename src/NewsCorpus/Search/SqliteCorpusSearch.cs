using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;

namespace NewsCorpus.Search;

/// <summary>Search on the SQLite store: the Lucene index beside it (<see cref="FullTextIndex"/>) finds and scores, the rest comes from <see cref="ArticleColumns"/>.</summary>
public sealed class SqliteCorpusSearch(SqliteConnection connection) : CorpusSearch(connection)
{
    // The place first, then the budget: a search's time counts from when it may run.
    protected override IDisposable StartBudget()
    {
        var slot = SearchSlots.Shared.Take();
        try { return new SlotAndBudget(slot, new QueryBudget(connection, Budget)); }
        catch { slot.Dispose(); throw; }
    }

    sealed class SlotAndBudget(IDisposable slot, QueryBudget budget) : IDisposable
    {
        public void Dispose()
        {
            budget.Dispose();
            slot.Dispose();
        }
    }

    /// <summary>
    /// The full-text index gives the matching keys (<see cref="MatchBits"/>) and the best-scored ones
    /// (<see cref="TopScores"/>); everything else — the filters, the count, the month histogram, the page by date,
    /// the facets — is worked out from <see cref="ArticleColumns"/>, so a search reads nothing of the articles but
    /// the rows it shows.
    /// </summary>
    protected override Matches? Match(ParsedQuery parsed, SearchSort sort, int page, int pageSize)
    {
        var query = LuceneQuery.Compile(parsed);
        if (parsed.HasText && query is null) return null;
        var columns = ArticleColumns.For(connection);
        var clock = new QueryBudget.Clock(Budget);
        // In long: a page number from a URL times the page size can pass int.MaxValue, and wrapped it showed page one.
        long offset = (long)(page - 1) * pageSize;
        // No page holds more keys than the store has: a page past that end keeps none.
        var first = new TopKeys((int)Math.Min(offset + pageSize, columns.KeyBound));
        Found found;
        using (var index = query is null ? null : FullTextIndex.Acquire(connection))
        {
            var bits = index is null ? null : new MatchBits(index.Searcher);
            found = Matched(query, index, columns, parsed.Filters, clock, bits);
            if (sort == SearchSort.Relevance && bits is not null && found.Total > 0)
                Rank(parsed, bits, found, columns, first, clock);
        }
        var (matched, _, total, perMonth, perSource) = found;
        if (sort != SearchSort.Relevance) ByDate(matched, total, columns, sort, first);
        var hits = Hits(offset >= total ? [] : first.InOrder().Skip((int)offset).ToList(), parsed, sort == SearchSort.Relevance);
        var months = MonthCounts(columns, perMonth);

        int step = FacetStep(total);
        int sampled = 0;
        var perCountry = new int[columns.Countries.Count];
        // A dictionary, not an array over every entity (316 KB at a million articles, each search): the sample holds few.
        var perEntity = new Dictionary<int, int>();
        // The matches whose key is a multiple of the step: a sample spread over the whole corpus, the same for every search.
        for (int key = 0; key < matched.Length; key += step)
        {
            if (!matched.Get(key)) continue;
            sampled++;
            foreach (var c in columns.CountriesOf(key)) perCountry[c]++;
            foreach (var e in columns.EntitiesOf(key)) perEntity[e] = perEntity.GetValueOrDefault(e) + 1;
        }
        var countries = Enumerable.Range(0, perCountry.Length).Where(c => perCountry[c] > 0)
            .OrderByDescending(c => perCountry[c]).ThenBy(c => columns.Countries[c], StringComparer.Ordinal)
            .Select(c => new CountryCount(columns.Countries[c], Scaled(perCountry[c], total, sampled))).ToList();
        var topEntities = perEntity.Keys.OrderByDescending(e => perEntity[e]).ThenBy(e => e).Take(30).ToList();
        var entities = topEntities.Count == 0 ? [] : Rows($"SELECT entity_key, slug, name, kind FROM entities WHERE entity_key IN ({string.Join(",", topEntities)})", [],
                r => (Key: r.GetInt32(0), Count: new EntityCount(r.GetString(1), r.GetString(2), (NewsCorpus.Entities.EntityKind)r.GetInt32(3), Scaled(perEntity[r.GetInt32(0)], total, sampled))))
            .OrderByDescending(x => perEntity[x.Key]).ThenBy(x => x.Count.Name, StringComparer.Ordinal).Select(x => x.Count).ToList();
        var sources = SourceNames.Facet(Enumerable.Range(0, perSource.Length).Where(s => perSource[s] > 0)
            .Select(s => (columns.Sources[s], perSource[s])));
        return new Matches(total, hits, months, countries, entities, step == 1 ? null : sampled) { Sources = sources };
    }

    /// <summary>
    /// The best-placed matches by relevance into <paramref name="first"/>: by <see cref="TopScores"/> when the query's
    /// score is a sum of clauses, else by Lucene scoring every match.
    /// </summary>
    static void Rank(ParsedQuery parsed, MatchBits bits, Found found, ArticleColumns columns, TopKeys first, QueryBudget.Clock clock)
    {
        var searcher = bits.Searcher;
        var query = LuceneQuery.ForSearch(parsed, ranked: true)!;
        (double, long, long) PlaceOf(int key, double rank) => Place(columns, SearchSort.Relevance, key, rank);
        if (TopScores.PlanFor(query) is { } plan)
            TopScores.Collect(searcher, bits, plan, first, leaf => found.DocsOfLeaf[leaf.Ord], (key, score) => PlaceOf(key, -score), clock);
        else
            // Lucene scores the matches alone: they are its accepted documents, so that its postings readers pass
            // over the rest (the articles a filter or an exclusion leaves out) without scoring them.
            searcher.Search(new FilteredQuery(query, new DocsFilter(found.DocsOfLeaf), OnlyAccepted),
                new MatchCollector(scored: true, clock, (key, rank) => first.Offer(key, PlaceOf(key, rank))));
    }

    /// <summary>The documents of each index segment, as a filter.</summary>
    sealed class DocsFilter(FixedBitSet[] docsOfLeaf) : Filter
    {
        public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs) => docsOfLeaf[context.Ord];
    }

    /// <summary>A filter's documents handed to the query as its accepted documents, always (Lucene guesses by the first one).</summary>
    sealed class AlwaysAccepted : FilteredQuery.RandomAccessFilterStrategy
    {
        protected override bool UseRandomAccess(IBits bits, int firstFilterDoc) => true;
    }

    static readonly FilteredQuery.FilterStrategy OnlyAccepted = new AlwaysAccepted();

    /// <summary>The first matches by date into <paramref name="first"/>.</summary>
    static void ByDate(FixedBitSet matched, int total, ArticleColumns columns, SearchSort sort, TopKeys first)
    {
        // Few matches: a heap over them. Many: the corpus in date order, up to the page's last match.
        if ((long)total * 16 < columns.KeyBound)
        {
            ForEachKey(matched, key => first.Offer(key, Place(columns, sort, key, 0)));
            return;
        }
        int kept = 0;
        foreach (var key in columns.KeysByDate(newestFirst: sort != SearchSort.Oldest).Span)
        {
            if (kept >= first.Capacity) break;
            if (!matched.Get(key)) continue;
            first.Offer(key, Place(columns, sort, key, 0));
            kept++;
        }
    }

    protected override List<MonthCount>? CountByMonth(ParsedQuery parsed)
    {
        var query = LuceneQuery.Compile(parsed);
        if (parsed.HasText && query is null) return null;
        var columns = ArticleColumns.For(connection);
        using var index = query is null ? null : FullTextIndex.Acquire(connection);
        return MonthCounts(columns, Matched(query, index, columns, parsed.Filters, new QueryBudget.Clock(Budget)).PerMonth);
    }

    protected override IEnumerable<long>? Keys(ParsedQuery parsed, SearchSort sort)
    {
        var query = LuceneQuery.Compile(parsed);
        if (parsed.HasText && query is null) return null;
        return SortedKeys(parsed, query, sort);
    }

    // Lazily, as the callers expect: the budget covers finding and sorting, and runs out on the first row.
    IEnumerable<long> SortedKeys(ParsedQuery parsed, Query? query, SearchSort sort)
    {
        var columns = ArticleColumns.For(connection);
        var all = new List<(long Key, (double, long, long) Place)>();
        FixedBitSet matched;
        using (StartBudget())
        using (var index = query is null ? null : FullTextIndex.Acquire(connection))
        {
            var clock = new QueryBudget.Clock(Budget);
            matched = Matched(query, index, columns, parsed.Filters, clock).Keys;
            if (sort == SearchSort.Relevance && index is not null)
                index.Searcher.Search(LuceneQuery.ForSearch(parsed, ranked: true)!, new MatchCollector(scored: true, clock, (key, rank) =>
                {
                    if ((uint)key < (uint)matched.Length && matched.Get(key)) all.Add((key, Place(columns, sort, key, rank)));
                }));
        }
        if (sort == SearchSort.Relevance)
        {
            all.Sort((x, y) => x.Place.CompareTo(y.Place));
            foreach (var (key, _) in all) yield return key;
        }
        else
        {
            var byDate = columns.KeysByDate(newestFirst: sort != SearchSort.Oldest);
            for (int i = 0; i < byDate.Length; i++)
                if (matched.Get(byDate.Span[i])) yield return byDate.Span[i];
        }
    }

    /// <summary>
    /// The articles a search keeps: their keys as a set over the key space, the index documents that hold them (a set
    /// per index segment, by its ordinal), how many, and how many a month and an outlet.
    /// </summary>
    sealed record Found(FixedBitSet Keys, FixedBitSet[] DocsOfLeaf, int Total, int[] PerMonth, int[] PerSource);

    /// <summary>
    /// The articles the query and its filters keep (none when the filters cannot keep any; every article the filters
    /// keep when the query has no words), counted as they are found.
    /// </summary>
    Found Matched(Query? query, FullTextIndex.Lease? index, ArticleColumns columns, SearchFilters filters, QueryBudget.Clock clock, MatchBits? bits = null)
    {
        var matched = new FixedBitSet(columns.KeyBound);
        var perMonth = new int[columns.Months.Count];
        var perSource = new int[columns.Sources.Count];
        int total = 0;
        var keep = KeyFilter(filters, columns);
        var docsOfLeaf = index is null ? [] : new FixedBitSet[index.Reader.Leaves.Count];
        bool Add(int key)
        {
            // A key the columns do not know came with an import committed since they were read: the next search has it.
            if (!columns.Has(key) || (keep != KeepAll && !keep!(key)) || matched.GetAndSet(key)) return false;
            total++;
            perMonth[columns.MonthOf(key)]++;
            if (columns.SourceOf(key) is >= 0 and var s) perSource[s]++;
            return true;
        }
        if (keep is null) { }
        else if (query is null || index is null)
            foreach (var key in columns.Keys()) Add((int)key);
        else
        {
            bits ??= new MatchBits(index.Searcher);
            var leaves = index.Reader.Leaves;
            SearchThreads.ForEach(leaves, leaf =>
            {
                clock.Check();
                docsOfLeaf[leaf.Ord] = bits.Of(query, leaf);
            });
            foreach (var leaf in leaves)
            {
                var keys = MatchBits.Keys(leaf.AtomicReader);
                var docs = docsOfLeaf[leaf.Ord];
                var words = docs.GetBits();
                for (int w = 0; w < words.Length; w++)
                    for (long word = words[w]; word != 0; word &= word - 1)
                    {
                        int doc = w * 64 + System.Numerics.BitOperations.TrailingZeroCount(word);
                        if (!Add(keys[doc])) docs.Clear(doc);
                    }
            }
        }
        return new Found(matched, docsOfLeaf, total, perMonth, perSource);
    }

    /// <summary>Calls <paramref name="action"/> with each member of <paramref name="set"/>, in order.</summary>
    static void ForEachKey(FixedBitSet set, Action<int> action)
    {
        var words = set.GetBits();
        for (int w = 0; w < words.Length; w++)
            for (long word = words[w]; word != 0; word &= word - 1)
                action(w * 64 + System.Numerics.BitOperations.TrailingZeroCount(word));
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

    /// <summary>The search's filters as a test on the key (<see cref="KeepAll"/> when there are none); null when they cannot keep any article.</summary>
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
        var all = tests.ToArray();
        return all.Length switch
        {
            0 => KeepAll,
            1 => all[0],
            _ => k => Array.TrueForAll(all, t => t(k)),
        };
    }

    static readonly Func<long, bool> KeepAll = _ => true;

    List<SearchHit> Hits(List<(long Key, double Rank)> shown, ParsedQuery parsed, bool ranked)
    {
        if (shown.Count == 0) return [];
        var highlighter = new Highlighter(parsed.Root, parsed.Stems);
        var rows = Rows($"SELECT article_key, id, month, title, lead, coalesce(search_body, body), day, source FROM articles WHERE article_key IN ({string.Join(",", shown.Select(s => s.Key))})", [],
            r => (Key: r.GetInt64(0), Id: r.GetString(1), Month: r.GetString(2), Title: r.GetString(3), Lead: r.GetString(4), Body: r.GetString(5),
                Day: r.IsDBNull(6) ? (int?)null : r.GetInt32(6), Source: r.IsDBNull(7) ? null : r.GetString(7)))
            .ToDictionary(r => r.Key);
        var countries = CountriesOf(shown.ConvertAll(s => s.Key));
        var found = shown.Where(s => rows.ContainsKey(s.Key)).ToList();
        var hits = new SearchHit[found.Count];
        // The snippets on the search's threads: each reads its article's whole text through the analyzer.
        SearchThreads.Run(found.Count, i =>
        {
            var (key, rank) = found[i];
            var r = rows[key];
            hits[i] = new SearchHit(r.Id, r.Month, r.Title,
                highlighter.Highlight(r.Title),
                highlighter.Snippet(SnippetSource(highlighter, r.Lead, r.Body)),
                countries.GetValueOrDefault(r.Key, []),
                ranked ? -rank : null) { Day = r.Day, Source = r.Source };
        });
        return [.. hits];
    }

    // The lead when it has a match (or nothing matches at all), otherwise the body: the snippet should show why.
    static string SnippetSource(Highlighter highlighter, string lead, string body) =>
        highlighter.IsEmpty || highlighter.Matches(lead).Count > 0 ? lead : NewsCorpus.Articles.ArticleMarkdown.PlainText(body, withHeadline: false);
}
