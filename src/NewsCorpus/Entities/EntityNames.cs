using System.Text;
using NewsCorpus.Analysis;

namespace NewsCorpus.Entities;

/// <summary>Spelling helpers shared by the extractor, the aliases and the resolver.</summary>
internal static class EntityNames
{
    /// <summary>
    /// The comparison key of a name: folded (no case, no accents) with every run of non-letters turned into
    /// one space, so "TRAORE", "Traoré", "Saint-Pétersbourg" and "saint petersbourg" compare as intended.
    /// </summary>
    public static string Key(string name)
    {
        if (Keys.TryGetValue(name, out var cached)) return cached;
        var key = ComputeKey(name);
        if (Volatile.Read(ref cachedKeys) < MaxCachedKeys && Keys.TryAdd(name, key)) Interlocked.Increment(ref cachedKeys);
        return key;
    }

    // Names recur from article to article and folding is dear (Unicode decomposition): each spelling is keyed once.
    // The cap bounds memory on corpora with endless distinct names, as for the analyzer's words.
    const int MaxCachedKeys = 200_000;
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);
    static int cachedKeys;   // Keys.Count takes every lock of the dictionary

    static string ComputeKey(string name)
    {
        var folded = Folding.Fold(name);
        var sb = new StringBuilder(folded.Length);
        bool pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(c);
            }
            else pendingSpace = true;
        }
        return sb.ToString();
    }

    /// <summary>ASCII, lower case, hyphenated: "Vladimir Poutine" → "vladimir-poutine". Non-Latin names fall back to "entity".</summary>
    public static string Slug(string name)
    {
        var key = Key(name);
        var sb = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (c == ' ' && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "entity" : slug;
    }

    public static bool IsAllCaps(string word) => IsAllCaps(word.AsSpan());

    public static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        int letters = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters > 0;
    }

    /// <summary>"COULIBALY" → "Coulibaly", "N'DIAYE" → "N'Diaye": upper case after the start and after an apostrophe.</summary>
    public static string TitleCase(string word)
    {
        var sb = new StringBuilder(word.Length);
        bool upperNext = true;
        foreach (var c in word)
        {
            sb.Append(upperNext ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upperNext = Tokenizer.IsApostrophe(c);
        }
        return sb.ToString();
    }

    /// <summary>How many accented or otherwise non-ASCII letters a spelling carries; more is a better spelling of a French name.</summary>
    public static int AccentCount(string word)
    {
        int n = 0;
        foreach (var c in word) if (c > 127 && char.IsLetter(c)) n++;
        return n;
    }

    public static string LastWord(string key)
    {
        int space = key.LastIndexOf(' ');
        return space < 0 ? key : key[(space + 1)..];
    }
}
