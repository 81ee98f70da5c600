namespace NewsCorpus.Articles;

/// <summary>Splits French prose into sentences, without cutting after "M." or initials.</summary>
public static class Sentences
{
    static readonly string[] Abbreviations = ["M", "Mme", "Mlle", "MM", "Dr", "St", "Ste", "Me", "Pr", "Gén", "Col", "Cne", "etc", "cf", "av", "J.-C"];

    public static IEnumerable<string> Split(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length - 1; i++)
        {
            if (!IsEnd(text, i)) continue;
            yield return text[start..(i + 1)].Trim();
            start = i + 2;
        }
        if (start < text.Length && text[start..].Trim() is { Length: > 0 } last) yield return last;
    }

    /// <summary>The first sentence, without its final full stop.</summary>
    public static string First(string text)
    {
        var first = Split(text).FirstOrDefault() ?? "";
        return first.EndsWith('.') && !first.EndsWith("..") ? first[..^1] : first;
    }

    static bool IsEnd(string text, int i)
    {
        if (text[i] is not ('.' or '!' or '?' or '…') || !char.IsWhiteSpace(text[i + 1])) return false;
        if (text[i] == '.')
        {
            int wordStart = text.LastIndexOf(' ', Math.Max(0, i - 1)) + 1;
            var word = text[wordStart..i];
            if (word.Length == 1 || Abbreviations.Contains(word)) return false;
        }
        int next = i + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
        return next >= text.Length || char.IsUpper(text[next]) || text[next] is '«' or '"' or '—' or '–';
    }
}
