namespace NewsCorpus.Storage;

/// <summary>
/// The band keys the store may hold, as a Bloom filter: it never answers "absent" for a key it was given, so an
/// article none of whose band keys it knows has no near-duplicate candidate and needs no lookup. Nearly every
/// article is such an article, and the lookup was a tenth of the import's writing time.
/// </summary>
internal sealed class BandFilter
{
    // 16 bits and 6 probes a key: about one false "maybe" in a thousand keys, 1.5 % of articles (16 keys each).
    const int BitsPerKey = 16;
    const int Probes = 6;

    readonly ulong[] words;
    readonly ulong mask;

    public BandFilter(long expectedKeys)
    {
        long bits = 1L << 16;
        while (bits < expectedKeys * BitsPerKey) bits <<= 1;
        words = new ulong[bits / 64];
        mask = (ulong)bits - 1;
    }

    /// <summary>A filter holding every band key of the store, sized for the store and <paramref name="newArticles"/> more articles.</summary>
    public static BandFilter Load(Statements statements, long storedArticles, long newArticles)
    {
        var filter = new BandFilter((storedArticles + newArticles) * Duplicates.MinHash.Bands);
        using var reader = statements.Get("SELECT band_key FROM article_bands").ExecuteReader();
        while (reader.Read()) filter.Add(reader.GetInt64(0));
        return filter;
    }

    public void Add(long key)
    {
        var (h1, h2) = Hashes(key);
        for (int i = 0; i < Probes; i++)
        {
            var bit = (h1 + (ulong)i * h2) & mask;
            words[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    public bool MayContain(long key)
    {
        var (h1, h2) = Hashes(key);
        for (int i = 0; i < Probes; i++)
        {
            var bit = (h1 + (ulong)i * h2) & mask;
            if ((words[bit >> 6] & (1UL << (int)(bit & 63))) == 0) return false;
        }
        return true;
    }

    // Two independent-enough hashes from one 64-bit mix (Kirsch and Mitzenmacher's double hashing); h2 odd so the
    // probes never repeat a bit before wrapping.
    static (ulong, ulong) Hashes(long key)
    {
        ulong z = (ulong)key + 0x9E37_79B9_7F4A_7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        z ^= z >> 31;
        return (z, (z >> 32 | z << 32) | 1);
    }
}
