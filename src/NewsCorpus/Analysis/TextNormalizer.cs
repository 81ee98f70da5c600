using System.Text;

namespace NewsCorpus.Analysis;

/// <summary>
/// Cleans raw article text before anything else looks at it, so that parsing, indexing and display
/// all see the same characters.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        // Normalisation refuses lone surrogates (they can arrive in a query string): they become U+FFFD first.
        var nfc = ReplaceLoneSurrogates(text).Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        for (int i = 0; i < nfc.Length; i++)
        {
            char c = nfc[i];
            switch (c)
            {
                // An acute accent or a backtick typed for an apostrophe between two letters (Le Cléac´h, l`armée) is one:
                // left as it is, the word is cut there and the name comes out in two.
                case '\u00B4' or '`' when i > 0 && i + 1 < nfc.Length && char.IsLetter(nfc[i - 1]) && char.IsLetter(nfc[i + 1]):
                    sb.Append('\u2019');
                    break;
                case '\u00A0' or '\u202F' or '\u2007':
                    sb.Append(' ');
                    break;
                case '\u00AD':                                   // soft hyphen
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':   // zero-width
                case >= '\u202A' and <= '\u202E':                // bidi embeddings and overrides
                case >= '\u2066' and <= '\u2069':                // bidi isolates
                case '\u200E' or '\u200F' or '\u061C':            // bidi marks
                case '\0':
                    break;
                default:
                    if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
                        break;
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    static string ReplaceLoneSurrogates(string text)
    {
        char[]? copy = null;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (!char.IsSurrogate(text[i])) continue;
            copy ??= text.ToCharArray();
            copy[i] = '\uFFFD';
        }
        return copy is null ? text : new string(copy);
    }
}
