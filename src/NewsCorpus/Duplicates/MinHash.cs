using System.Buffers.Binary;
using System.Numerics;
using NewsCorpus.Analysis;

namespace NewsCorpus.Duplicates;

/// <summary>
/// MinHash signatures of articles, for finding syndicated copies and lightly edited re-publications.
/// A text is the set of its shingles (runs of <see cref="ShingleWords"/> consecutive words in their folded
/// exact form, so case, accents, punctuation and line breaks do not matter); the share of equal positions in two
/// signatures estimates the Jaccard similarity of the two shingle sets.
/// </summary>
public static class MinHash
{
    public const int HashCount = 128;
    public const int ShingleWords = 5;

    /// <summary>
    /// Banding for locality-sensitive hashing: two articles become candidates when all the rows of at least one
    /// band agree. For Jaccard similarity s the chance of that is P(s) = 1 − (1 − s^Rows)^Bands, which with
    /// 16 bands × 8 rows gives P(0.9) ≈ 0.9999, P(0.85) ≈ 0.994, P(0.8) ≈ 0.947, P(0.7) ≈ 0.61, P(0.5) ≈ 0.06,
    /// P(0.3) ≈ 0.001; the curve's midpoint (1/Bands)^(1/Rows) ≈ 0.71. 32 × 4 would catch everything at 0.8 but
    /// 87% of pairs at 0.5 and, worse at a million articles, 0.3% of pairs at 0.1 (boilerplate-sharing news),
    /// thousands of false candidates per article; 16 × 8 keeps that to 1.6e-7 per pair.
    /// </summary>
    public const int Bands = 16;
    public const int Rows = HashCount / Bands;

    /// <summary>The signature of a text with no words: every position at its maximum. See <see cref="IsEmpty"/>.</summary>
    const uint NoShingle = uint.MaxValue;

    // Hash function i is h_i(x) = (A[i]·x + B[i]) >> 32 on the 32-bit shingle hash x, with 64-bit A, B: the
    // multiply-add-shift scheme (Dietzfelbinger 1996), 2-universal. A and B come from SplitMix64 started at a fixed
    // seed, so signatures are the same in every run and process and can be stored.
    static readonly ulong[] A = new ulong[HashCount];
    static readonly ulong[] B = new ulong[HashCount];

    static MinHash()
    {
        ulong state = 0x4E65_7773_436F_7270; // "NewsCorp"
        for (int i = 0; i < HashCount; i++)
        {
            A[i] = SplitMix64(ref state);
            B[i] = SplitMix64(ref state);
        }
    }

    public static uint[] Signature(string text) => SignatureOfHashes(WordHashes(text));

    /// <summary>
    /// The signature of a text given as its words' folded exact forms in text order (what
    /// <see cref="FrenchAnalyzer"/> gives as <see cref="AnalyzedWord.Exact"/>), for callers that analysed it already:
    /// equal to <see cref="Signature(string)"/> of that text.
    /// </summary>
    public static uint[] SignatureOfWords(IReadOnlyList<string> exactWords)
    {
        var hashes = new List<ulong>(exactWords.Count);
        foreach (var exact in exactWords) hashes.Add(WordHash(exact));
        return SignatureOfHashes(hashes);
    }

    static uint[] SignatureOfHashes(List<ulong> words)
    {
        var signature = new uint[HashCount];
        Array.Fill(signature, NoShingle);
        if (words.Count == 0) return signature;

        // Shingle hashes are 32-bit values held in 64-bit lanes so the multiply-add below runs several shingles per
        // vector instruction; the minimum is the same exact integer whatever the machine's vector width.
        var shingles = Shingles(words);
        int vectorEnd = shingles.Length - shingles.Length % Vector<ulong>.Count;
        for (int i = 0; i < HashCount; i++)
        {
            ulong a = A[i], b = B[i];
            var va = new Vector<ulong>(a);
            var vb = new Vector<ulong>(b);
            var vmin = new Vector<ulong>(NoShingle);
            for (int j = 0; j < vectorEnd; j += Vector<ulong>.Count)
                vmin = Vector.Min(vmin, (va * new Vector<ulong>(shingles, j) + vb) >> 32);
            ulong min = NoShingle;
            for (int k = 0; k < Vector<ulong>.Count; k++) min = Math.Min(min, vmin[k]);
            for (int j = vectorEnd; j < shingles.Length; j++) min = Math.Min(min, (a * shingles[j] + b) >> 32);
            signature[i] = (uint)min;
        }
        return signature;
    }

    /// <summary>The hash of each shingle of the words, in text order; a text shorter than a shingle is one shingle of all its words.</summary>
    static ulong[] Shingles(List<ulong> words)
    {
        int size = Math.Min(ShingleWords, words.Count);
        var shingles = new ulong[words.Count - size + 1];
        for (int start = 0; start < shingles.Length; start++)
        {
            ulong h = 0;
            for (int k = 0; k < size; k++) h = (h + words[start + k]) * 0x9E37_79B9_7F4A_7C15UL;
            shingles[start] = Mix(h) >> 32;
        }
        return shingles;
    }

    /// <summary>
    /// The exact Jaccard similarity of two texts' shingle sets, given as their words' folded exact forms: what a
    /// signature estimates, for checking a pair exactly. Two texts without words are not alike (0).
    /// </summary>
    public static double Jaccard(IReadOnlyList<string> exactWordsA, IReadOnlyList<string> exactWordsB)
    {
        if (exactWordsA.Count == 0 || exactWordsB.Count == 0) return 0;
        var a = new HashSet<ulong>(Shingles(exactWordsA.Select(WordHash).ToList()));
        var b = new HashSet<ulong>(Shingles(exactWordsB.Select(WordHash).ToList()));
        int shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    /// <summary>Whether the signature comes from a text without any word; such texts are nobody's duplicates.</summary>
    public static bool IsEmpty(uint[] signature) => Array.TrueForAll(signature, v => v == NoShingle);

    /// <summary>Estimated Jaccard similarity of the two texts' shingle sets, from 0 to 1.</summary>
    public static double Similarity(uint[] a, uint[] b)
    {
        CheckLength(a.Length);
        CheckLength(b.Length);
        int equal = 0;
        for (int i = 0; i < HashCount; i++)
            if (a[i] == b[i]) equal++;
        return equal / (double)HashCount;
    }

    /// <summary>One key per band; two signatures that share a (band, key) pair are candidate duplicates.</summary>
    public static IEnumerable<(int Band, ulong Key)> BandKeys(uint[] signature)
    {
        CheckLength(signature.Length);
        for (int band = 0; band < Bands; band++)
            yield return (band, BandKey(signature, band));
    }

    internal static ulong BandKey(uint[] signature, int band)
    {
        ulong h = (ulong)band;
        for (int r = band * Rows; r < (band + 1) * Rows; r++) h = (h ^ signature[r]) * 0x100_0000_01B3UL;
        return Mix(h);
    }

    /// <summary>Little-endian, 4 bytes a value, for a BLOB column.</summary>
    public static byte[] ToBytes(uint[] signature)
    {
        CheckLength(signature.Length);
        var bytes = new byte[HashCount * sizeof(uint)];
        for (int i = 0; i < HashCount; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), signature[i]);
        return bytes;
    }

    public static uint[] FromBytes(byte[] bytes)
    {
        if (bytes.Length != HashCount * sizeof(uint))
            throw new ArgumentException($"A stored signature has {HashCount * sizeof(uint)} bytes, not {bytes.Length}.", nameof(bytes));
        var signature = new uint[HashCount];
        for (int i = 0; i < HashCount; i++)
            signature[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)));
        return signature;
    }

    /// <summary>64-bit FNV-1a of each word's folded exact form, in text order.</summary>
    static List<ulong> WordHashes(string text)
    {
        var hashes = new List<ulong>(text.Length / 6);
        foreach (var token in Tokenizer.Tokenize(text))
            hashes.Add(WordHash(FrenchAnalyzer.Analyze(text.AsSpan(token.Start, token.Length)).Exact));
        return hashes;
    }

    static ulong WordHash(string exact)
    {
        ulong h = 0xCBF2_9CE4_8422_2325UL;
        foreach (char c in exact) h = (h ^ c) * 0x100_0000_01B3UL;
        return h;
    }

    internal static void CheckLength(int length)
    {
        if (length != HashCount)
            throw new ArgumentException($"A signature has {HashCount} values, not {length}.");
    }

    static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E37_79B9_7F4A_7C15UL;
        return Mix(state);
    }

    // SplitMix64's finalizer: spreads every input bit over the whole word.
    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
