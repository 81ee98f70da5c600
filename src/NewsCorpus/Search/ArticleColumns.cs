using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using NewsCorpus.Storage;

namespace NewsCorpus.Search;

/// <summary>
/// What a search needs to know of every match besides its rank — its month, its place in date order, its
/// countries and its entities — in arrays indexed by article key, read once per import of the store.
/// In SQLite the month lives in the articles row beside the text, a page or more an article: at a million
/// articles a common word's 800,000 matches read 800,000 pages of a 10 GB file for the month histogram and the
/// date order alone (over a second), where the arrays answer in a few milliseconds. About 50 bytes an article.
/// </summary>
internal sealed class ArticleColumns
{
    const ushort Absent = ushort.MaxValue;

    readonly ushort[] month;            // index into Months; Absent when no article has the key
    readonly int[] oldestRank;          // place in (month, day, number, id) order, month-only articles first in their month
    readonly int[] newestRank;          // place in (month DESC, day DESC, number DESC, id) order
    readonly int[] oldestFirst;         // the keys in oldest-first order: oldestFirst[OldestRank(k)] == k
    readonly int[] newestFirst;         // likewise newest first
    readonly ushort[] source;           // index into Sources; Absent when the article names no outlet
    readonly int[] countryStart;        // the countries of key k: countryIndex[countryStart[k] .. countryStart[k + 1]]
    readonly ushort[] countryIndex;
    readonly int[] entityStart;         // likewise for entity keys
    readonly int[] entityKeys;

    /// <summary>The corpus's months in order ("yyyy-MM"), each at the index <see cref="MonthOf"/> gives.</summary>
    public IReadOnlyList<string> Months { get; }
    /// <summary>The ISO codes of the countries the corpus names, at the index the country lists hold.</summary>
    public IReadOnlyList<string> Countries { get; }
    /// <summary>The outlets the articles name, as written, at the index <see cref="SourceOf"/> gives.</summary>
    public IReadOnlyList<string> Sources { get; }

    ArticleColumns(ushort[] month, int[] oldestRank, int[] newestRank, int[] oldestFirst, int[] newestFirst, int[] countryStart, ushort[] countryIndex, int[] entityStart, int[] entityKeys,
        List<string> months, List<string> countries, ushort[] source, List<string> sources)
    {
        (this.source, Sources) = (source, sources);
        (this.month, this.oldestRank, this.newestRank) = (month, oldestRank, newestRank);
        (this.oldestFirst, this.newestFirst) = (oldestFirst, newestFirst);
        (this.countryStart, this.countryIndex, this.entityStart, this.entityKeys) = (countryStart, countryIndex, entityStart, entityKeys);
        (Months, Countries) = (months, countries);
    }

    /// <summary>One more than the largest key: no search matches more articles than this.</summary>
    public int KeyBound => month.Length;

    /// <summary>Whether an article has this key (false for a key the store gained or lost since the columns were read).</summary>
    public bool Has(long key) => key >= 0 && key < month.Length && month[key] != Absent;

    /// <summary>Every key <see cref="Has"/> is true for, in key order.</summary>
    public IEnumerable<long> Keys()
    {
        for (long k = 0; k < month.Length; k++)
            if (month[k] != Absent) yield return k;
    }

    public int MonthOf(long key) => month[key];
    /// <summary>The index of the article's outlet in <see cref="Sources"/>, or -1 when it names none.</summary>
    public int SourceOf(long key) => source[key] == Absent ? -1 : source[key];
    public int OldestRank(long key) => oldestRank[key];
    public int NewestRank(long key) => newestRank[key];
    /// <summary>Every key in the date order (oldest or newest first), as <see cref="OldestRank"/> and <see cref="NewestRank"/> place them.</summary>
    public ReadOnlyMemory<int> KeysByDate(bool newestFirst) => newestFirst ? this.newestFirst : oldestFirst;
    public ReadOnlySpan<ushort> CountriesOf(long key) => countryIndex.AsSpan(countryStart[key], countryStart[key + 1] - countryStart[key]);
    public ReadOnlySpan<int> EntitiesOf(long key) => entityKeys.AsSpan(entityStart[key], entityStart[key + 1] - entityStart[key]);

    static readonly ConcurrentDictionary<string, (string Stamp, ArticleColumns Columns)> cache = new();
    static readonly object loading = new();

    /// <summary>The columns of the store behind <paramref name="connection"/> as it stands, read again after each import.</summary>
    public static ArticleColumns For(SqliteConnection connection)
    {
        var path = connection.DataSource;
        var stamp = Stamp(connection, null);
        if (cache.TryGetValue(path, out var held) && held.Stamp == stamp) return held.Columns;
        lock (loading)
        {
            if (cache.TryGetValue(path, out held) && held.Stamp == stamp) return held.Columns;
            // On a connection of its own: the caller's carries the search's time budget, and reading a large
            // corpus's columns once may take longer than one search may.
            using var own = new SqliteConnection(CorpusSchema.ConnectionString(path, SqliteOpenMode.ReadOnly));
            own.Open();
            using var tx = own.BeginTransaction(deferred: true);   // one snapshot for the stamp and every column
            var (loadedStamp, columns) = (Stamp(own, tx), Load(own, tx));
            // A store long gone from this process should not keep its columns: a site reads one store.
            if (cache.Count >= 4) cache.Clear();
            cache[path] = (loadedStamp, columns);
            return columns;
        }
    }

    // Every import writes its time in meta, in its own transaction; the largest key also changes when one adds articles.
    static string Stamp(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT (SELECT value FROM meta WHERE key = 'imported_at') || '/' || (SELECT ifnull(max(article_key), 0) FROM articles)";
        return cmd.ExecuteScalar() as string ?? "";
    }

    static ArticleColumns Load(SqliteConnection connection, SqliteTransaction tx)
    {
        void ForEachRow(string sql, Action<SqliteDataReader> read)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) read(reader);
        }
        long Count(string sql)
        {
            long count = 0;
            ForEachRow(sql, r => count = r.GetInt64(0));
            return count;
        }

        // Every array is made at its final size from a count (the counts and the rows are of one snapshot, the
        // transaction's): lists grown row by row left about 100 MB of large arrays behind at a million articles, and
        // the holes they leave in the large object heap are not compacted.
        int size = checked((int)Count("SELECT ifnull(max(article_key), 0) FROM articles") + 1);
        int articles = checked((int)Count("SELECT count(*) FROM articles"));

        var month = new ushort[size];
        Array.Fill(month, Absent);
        var oldestRank = new int[size];
        var newestRank = new int[size];
        var months = new List<string>();
        var source = new ushort[size];
        Array.Fill(source, Absent);
        var sources = new List<string>();
        var sourceOf = new Dictionary<string, ushort>(StringComparer.Ordinal);
        // (month, day, number, id) gives the oldest-first order, an article dated to the month before the days of its
        // month; newest-first reverses the (month, day, number) groups but keeps ids ascending inside each, as
        // "ORDER BY month DESC, day DESC, number DESC, id" does.
        var oldestFirst = new int[articles];
        var startsGroup = new System.Collections.BitArray(articles);
        int placed = 0;
        // Read in the one article order (ArticleOrder: month, day, number, id), which the month index gives, so SQLite
        // sorts nothing; each month's rows are put in day order again here, stably, which changes nothing then.
        var monthRows = new List<(int Key, long? Number, long? Day)>();
        void FlushMonth()
        {
            if (monthRows.Count == 0) return;
            long? lastNumber = null, lastDay = null;
            bool first = true;
            foreach (var (key, number, day) in monthRows.OrderBy(r => r.Day ?? 0))
            {
                if (first || day != lastDay || number != lastNumber) startsGroup[placed] = true;
                (lastNumber, lastDay, first) = (number, day, false);
                oldestRank[key] = placed;
                oldestFirst[placed++] = key;
            }
            monthRows.Clear();
        }
        string? lastMonth = null;
        ForEachRow($"SELECT article_key, month, number, day, source FROM articles ORDER BY {ArticleOrder.OldestSql}", r =>
        {
            int key = checked((int)r.GetInt64(0));
            var m = r.GetString(1);
            long? number = r.IsDBNull(2) ? null : r.GetInt64(2);
            long? day = r.IsDBNull(3) ? null : r.GetInt64(3);
            if (!r.IsDBNull(4))
            {
                var name = r.GetString(4);
                if (!sourceOf.TryGetValue(name, out var index))
                {
                    sourceOf[name] = index = checked((ushort)sources.Count);
                    sources.Add(name);
                }
                source[key] = index;
            }
            if (m != lastMonth)
            {
                FlushMonth();
                months.Add(m);
                lastMonth = m;
            }
            month[key] = checked((ushort)(months.Count - 1));
            monthRows.Add((key, number, day));
        });
        FlushMonth();
        var newestFirst = new int[articles];
        int place = 0;
        // The groups from the last to the first, each in its own order.
        for (int end = placed; end > 0;)
        {
            int start = end - 1;
            while (!startsGroup[start]) start--;
            for (int i = start; i < end; i++)
            {
                newestFirst[place] = oldestFirst[i];
                newestRank[oldestFirst[i]] = place++;
            }
            end = start;
        }

        var countryStart = new int[size + 1];
        var countryIndex = new ushort[Count("SELECT count(*) FROM article_countries")];
        var countries = new List<string>();
        var countryOf = new Dictionary<string, ushort>(StringComparer.Ordinal);
        int countryRows = 0;
        ForEachRow("SELECT article_key, iso2 FROM article_countries ORDER BY article_key, iso2", r =>
        {
            long key = r.GetInt64(0);
            var iso2 = r.GetString(1);
            if (!countryOf.TryGetValue(iso2, out var index))
            {
                countryOf[iso2] = index = checked((ushort)countries.Count);
                countries.Add(iso2);
            }
            if (key < size) { countryStart[key + 1]++; countryIndex[countryRows++] = index; }
        });
        for (int k = 1; k <= size; k++) countryStart[k] += countryStart[k - 1];

        var entityStart = new int[size + 1];
        var entityKeys = new int[Count("SELECT count(*) FROM article_entities")];
        int entityRows = 0;
        ForEachRow("SELECT article_key, entity_key FROM article_entities ORDER BY article_key, entity_key", r =>
        {
            long key = r.GetInt64(0);
            int entity = checked((int)r.GetInt64(1));
            if (key < size) { entityStart[key + 1]++; entityKeys[entityRows++] = entity; }
        });
        for (int k = 1; k <= size; k++) entityStart[k] += entityStart[k - 1];

        return new ArticleColumns(month, oldestRank, newestRank, oldestFirst, newestFirst, countryStart, countryIndex, entityStart, entityKeys,
            months, countries, source, sources);
    }
}
