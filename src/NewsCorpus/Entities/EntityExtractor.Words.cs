using NewsCorpus.Analysis;

namespace NewsCorpus.Entities;

/// <summary>How a text becomes the extractor's words: tokens, elided articles split off, what lies between two words.</summary>
public sealed partial class EntityExtractor
{
    enum Join { Break, Space, Hyphen }

    /// <summary>A word of the text. An elided article or preposition ("l'", "d'") is a word of its own.</summary>
    readonly record struct Word(int Start, int Length, string Folded, bool Capitalised, bool AllCaps, bool Elision,
        bool Digit, Join JoinBefore, bool CommaBefore, bool SentenceStart, bool Heading = false, bool Credit = false)
    {
        public int End => Start + Length;
    }

    static readonly string[] ElisionPrefixes = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"];

    static List<Word> SplitWords(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var words = new List<Word>(tokens.Count + tokens.Count / 8);   // room for the elided articles split off
        int previousEnd = -1;
        string previousFolded = "";
        foreach (var token in tokens)
        {
            var join = Join.Break;
            bool comma = false, sentenceStart = previousEnd < 0;
            if (previousEnd >= 0) ReadGap(text.AsSpan(previousEnd, token.Start - previousEnd), previousFolded, out join, out comma, out sentenceStart);

            int start = token.Start, length = token.Length;
            int apostrophe = IndexOfApostrophe(text, start, length);
            if (apostrophe > 0)
            {
                var prefix = text.AsSpan(start, apostrophe - start);
                var prefixFolded = FrenchAnalyzer.Fold(prefix);
                // "N'Djamena" keeps its apostrophe; a capital elision opens a sentence ("L'Afrique") or a lower-case
                // word ("[C'est]").
                bool elided = ElisionPrefixes.Contains(prefixFolded)
                    && (char.IsLower(prefix[0]) || sentenceStart && prefixFolded is not "n"
                        || apostrophe + 1 < start + length && char.IsLower(text[apostrophe + 1]));
                if (elided)
                {
                    words.Add(new Word(start, apostrophe - start + 1, prefixFolded, false, false, true, false, join, comma, sentenceStart));
                    length -= apostrophe - start + 1;
                    start = apostrophe + 1;
                    join = Join.Space;
                    comma = false;
                    sentenceStart = false;
                }
            }
            var word = text.AsSpan(start, length);
            bool credit = previousEnd >= 0 && IsCredit(text.AsSpan(previousEnd, start - previousEnd), previousFolded);
            words.Add(new Word(start, length, FrenchAnalyzer.Fold(word), char.IsUpper(word[0]), EntityNames.IsAllCaps(word) && length > 1,
                false, char.IsDigit(word[0]), join, comma, sentenceStart, Credit: credit));
            previousEnd = token.End;
            previousFolded = words[^1].Folded;
        }
        MarkCapitalHeadings(words);
        return words;
    }

    // Credits and sources name who made the picture or the text, not who the news is about: "© AFP",
    // "Photo : Jean Dupont", "Source : Reuters". Their names are no entities of the article.
    static bool IsCredit(ReadOnlySpan<char> gap, string previousFolded) =>
        gap.Contains('©') || previousFolded is "photo" or "photos" or "source" or "sources" or "credit" or "credits"
            or "copyright" or "illustration" or "infographie" or "dessin" && gap.Trim().SequenceEqual(":");

    static int IndexOfApostrophe(string text, int start, int length)
    {
        for (int k = start; k < start + length; k++) if (Tokenizer.IsApostrophe(text[k])) return k;
        return -1;
    }

    static void ReadGap(ReadOnlySpan<char> gap, string previousFolded, out Join join, out bool comma, out bool sentenceStart)
    {
        comma = false;
        sentenceStart = false;
        if (gap.Length == 1 && gap[0] is '-' or '\u2010' or '\u2011') { join = Join.Hyphen; return; }
        if (gap.Trim().SequenceEqual("&")) { join = Join.Space; return; }   // "Science & Technology Facilities Council"
        bool onlySpaces = true;
        foreach (var c in gap)
        {
            if (c is ' ' or '\t') continue;
            onlySpaces = false;
            if (c == ',') comma = true;
            else if (c is '.' or '!' or '?' or '…' or ':' or ';' or '«' or '"' or '“' or '\n' or '\r' or '•' or '(' or ')') sentenceStart = true;
        }
        // "M. Traoré": the period of an abbreviated title neither ends a sentence nor breaks the name.
        // "B. Obama": nor does the period of an initial.
        if (!onlySpaces && gap.Trim().SequenceEqual(".")
            && (previousFolded is "m" or "mme" or "mlle" or "dr" or "pr" or "me" or "mgr" or "st" || previousFolded.Length == 1 && char.IsLetter(previousFolded[0])))
        {
            join = Join.Space;
            sentenceStart = false;
            return;
        }
        join = onlySpaces ? Join.Space : Join.Break;
        if (comma && sentenceStart) comma = false;
    }

    // Runs of ALL-CAPS words holding a function word ("LA RUSSIE ET LE MALI") are headings, not acronyms or names.
    static void MarkCapitalHeadings(List<Word> words)
    {
        int k = 0;
        while (k < words.Count)
        {
            if (!words[k].AllCaps) { k++; continue; }
            int end = k;
            bool functionWord = FrenchNameWords.NotNames.Contains(words[k].Folded) && words[k].Length > 1;
            while (end + 1 < words.Count && (words[end + 1].AllCaps || words[end + 1].Elision) && words[end + 1].JoinBefore != Join.Break)
            {
                end++;
                if (words[end].Length > 1 && FrenchNameWords.NotNames.Contains(words[end].Folded)) functionWord = true;
            }
            if (functionWord && end > k)
                for (int m = k; m <= end; m++) words[m] = words[m] with { Capitalised = false, AllCaps = false, Heading = true };
            k = end + 1;
        }
    }
}
