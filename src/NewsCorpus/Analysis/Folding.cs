using System.Globalization;
using System.Text;

namespace NewsCorpus.Analysis;

/// <summary>Case and accent folding shared by indexing, querying and entity matching.</summary>
public static class Folding
{
    /// <summary>Lower case, typographic apostrophes made plain, ligatures œ/æ spelled out. Accents kept.</summary>
    public static string Lower(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.AsSpan().IndexOfAny("’ʼ‘œæ") < 0) return lower;
        return lower.Replace('’', '\'').Replace('ʼ', '\'').Replace('‘', '\'').Replace("œ", "oe").Replace("æ", "ae");
    }

    /// <summary><see cref="Lower"/> and then accents removed: "Coopération" → "cooperation", "manœuvre" → "manoeuvre".</summary>
    public static string Fold(string word)
    {
        var lower = Lower(word);
        if (IsAscii(lower)) return lower;
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    static bool IsAscii(string s)
    {
        foreach (var c in s) if (c > 127) return false;
        return true;
    }
}
