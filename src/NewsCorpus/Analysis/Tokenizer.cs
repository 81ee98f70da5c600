namespace NewsCorpus.Analysis;

/// <summary>A word in a text: where it starts and how long it is, so highlights can point back at the original.</summary>
public readonly record struct Token(int Start, int Length)
{
    public int End => Start + Length;
    public string Text(string source) => source.Substring(Start, Length);
}

/// <summary>
/// Splits text into words. Letters and digits make words; an apostrophe between two letters stays inside
/// the word (l'armée, aujourd'hui) so elision can be handled by the analyzer; hyphens separate words
/// (russo-malienne → russo, malienne).
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        // French prose averages a word every six or seven characters: sized so the list rarely grows.
        var tokens = new List<Token>(text.Length / 6 + 4);
        int i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length)
            {
                if (IsWordChar(text[i])) { i++; continue; }
                if (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsLetter(text[i - 1]))
                {
                    i++;
                    continue;
                }
                break;
            }
            tokens.Add(new Token(start, i - start));
        }
        return tokens;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018';

    // Combining marks count as word characters so that text that escaped NFC still tokenizes whole.
    static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;
}
