using System.Runtime.InteropServices;

namespace NewsCorpus.Duplicates;

/// <summary>
/// Finds near-duplicate articles among those added so far, by MinHash LSH banding (see <see cref="MinHash.Bands"/>
/// for the probability of finding a pair). An importer calls <see cref="Candidates"/> and then <see cref="Add"/>
/// for each article, and <see cref="Clusters"/> at the end. Each article is added once.
/// </summary>
/// <remarks>
/// Per article the finder keeps its key, its 16 band keys in the buckets (a dictionary entry and a chain link, about
/// 32 bytes each) and, to check candidates, one byte per MinHash value (b-bit minwise hashing, Li and König 2010)
/// instead of the 512-byte signature: about 700 bytes an article in all, measured at a million.
/// </remarks>
public sealed class NearDuplicateFinder
{
    const int SketchBits = 8;

    readonly List<long> articleKeys;
    readonly List<byte> sketches;
    // heads[band][key] is the latest article in that bucket; previousInBucket[article * Bands + band] the one
    // before it (−1 at the end), so a bucket needs no list of its own.
    readonly Dictionary<ulong, int>[] heads = new Dictionary<ulong, int>[MinHash.Bands];
    readonly List<int> previousInBucket;

    /// <param name="expectedArticles">
    /// How many articles will be added, when known: sizing the tables once avoids the slack of growing them by
    /// doubling (at a million articles about 700 rather than 850 bytes an article).
    /// </param>
    public NearDuplicateFinder(int expectedArticles = 0)
    {
        articleKeys = new(expectedArticles);
        sketches = new(expectedArticles * MinHash.HashCount);
        previousInBucket = new(expectedArticles * MinHash.Bands);
        for (int band = 0; band < MinHash.Bands; band++) heads[band] = new(expectedArticles);
    }

    public int Count => articleKeys.Count;

    /// <summary>Adds an article; one without any word (<see cref="MinHash.IsEmpty"/>) is left out.</summary>
    public void Add(long articleKey, uint[] signature)
    {
        MinHash.CheckLength(signature.Length);
        if (MinHash.IsEmpty(signature)) return;
        int article = articleKeys.Count;
        articleKeys.Add(articleKey);
        foreach (var value in signature) sketches.Add((byte)value);
        for (int band = 0; band < MinHash.Bands; band++)
        {
            var bucket = heads[band];
            ulong key = MinHash.BandKey(signature, band);
            previousInBucket.Add(bucket.TryGetValue(key, out int previous) ? previous : -1);
            bucket[key] = article;
        }
    }

    /// <summary>
    /// Articles already added that share a band with the signature and whose estimated similarity reaches the
    /// threshold, most similar first. Below about 0.7 the banding misses more and more pairs, whatever the threshold.
    /// </summary>
    public IReadOnlyList<(long Other, double Similarity)> Candidates(uint[] signature, double threshold = 0.8)
    {
        MinHash.CheckLength(signature.Length);
        var found = new List<(long Other, double Similarity)>();
        if (MinHash.IsEmpty(signature)) return found;

        var sketch = new byte[MinHash.HashCount];
        for (int i = 0; i < sketch.Length; i++) sketch[i] = (byte)signature[i];

        var seen = new HashSet<int>();
        for (int band = 0; band < MinHash.Bands; band++)
        {
            if (!heads[band].TryGetValue(MinHash.BandKey(signature, band), out int article)) continue;
            for (; article >= 0; article = previousInBucket[article * MinHash.Bands + band])
            {
                if (!seen.Add(article)) continue;
                double similarity = Similarity(sketch, Sketch(article));
                if (similarity >= threshold) found.Add((articleKeys[article], similarity));
            }
        }
        found.Sort((x, y) => y.Similarity != x.Similarity ? y.Similarity.CompareTo(x.Similarity) : x.Other.CompareTo(y.Other));
        return found;
    }

    /// <summary>
    /// Groups of two or more articles linked by chains of pairs at or above the threshold (a~b and b~c put a, b
    /// and c together even if a and c differ more). Members in ascending key order, groups by their first member.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<long>> Clusters(double threshold = 0.8)
    {
        var parent = new int[articleKeys.Count];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;

        var members = new List<int>();
        for (int band = 0; band < MinHash.Bands; band++)
        {
            foreach (int head in heads[band].Values)
            {
                members.Clear();
                for (int article = head; article >= 0; article = previousInBucket[article * MinHash.Bands + band])
                    members.Add(article);
                // Checking only pairs not yet joined keeps a bucket of n identical copies at n − 1 comparisons.
                for (int i = 0; i < members.Count; i++)
                    for (int j = i + 1; j < members.Count; j++)
                    {
                        int rootI = Find(parent, members[i]), rootJ = Find(parent, members[j]);
                        if (rootI == rootJ) continue;
                        if (Similarity(Sketch(members[i]), Sketch(members[j])) >= threshold)
                            parent[Math.Max(rootI, rootJ)] = Math.Min(rootI, rootJ);
                    }
            }
        }

        var groups = new Dictionary<int, List<long>>();
        for (int article = 0; article < parent.Length; article++)
        {
            int root = Find(parent, article);
            if (!groups.TryGetValue(root, out var group)) groups[root] = group = [];
            group.Add(articleKeys[article]);
        }
        var clusters = new List<IReadOnlyList<long>>();
        foreach (var group in groups.Values)
        {
            if (group.Count < 2) continue;
            group.Sort();
            clusters.Add(group);
        }
        clusters.Sort((x, y) => x[0].CompareTo(y[0]));
        return clusters;
    }

    ReadOnlySpan<byte> Sketch(int article) =>
        CollectionsMarshal.AsSpan(sketches).Slice(article * MinHash.HashCount, MinHash.HashCount);

    /// <summary>
    /// Jaccard estimated from the low bytes: unequal minima still agree by chance with probability 2^−8, so the
    /// share of agreeing bytes m estimates J + (1 − J)·2^−8, and J = (m − 2^−8) / (1 − 2^−8).
    /// </summary>
    static double Similarity(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int equal = 0;
        for (int i = 0; i < a.Length; i++)
            if (a[i] == b[i]) equal++;
        const double chance = 1.0 / (1 << SketchBits);
        return Math.Max(0, (equal / (double)a.Length - chance) / (1 - chance));
    }

    static int Find(int[] parent, int article)
    {
        while (parent[article] != article)
        {
            parent[article] = parent[parent[article]];
            article = parent[article];
        }
        return article;
    }
}
