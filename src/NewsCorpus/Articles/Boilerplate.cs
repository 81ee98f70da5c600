using NewsCorpus.Analysis;

namespace NewsCorpus.Articles;

/// <summary>
/// Boilerplate: a paragraph a source repeats word for word across many articles (a newsletter promotion, a
/// subscription pitch, a standard disclaimer). A paragraph is known by a 64-bit hash of its words, folded as search
/// folds them, so case, accents, punctuation, spacing and Markdown escapes do not make two copies differ. It is
/// boilerplate once it occurs in <see cref="MinStories"/> articles that are not versions of one story; the import
/// then keeps it out of the search index, and the article page out of the article's text.
/// </summary>
public static class Boilerplate
{
    /// <summary>
    /// A shorter paragraph is never boilerplate: short lines ("Lire aussi", a dateline) are the parser's noise, and
    /// short sentences ("Les négociations reprendront lundi.") repeat by chance in real content.
    /// </summary>
    public const int MinWords = 8;

    /// <summary>
    /// How many stories a paragraph must occur in to be boilerplate. A story is an article with its near-duplicate
    /// versions, counted once: syndicated copies share every paragraph, and a quote two agencies both carry is content.
    /// </summary>
    public const int MinStories = 5;

    /// <summary>The identity of a paragraph: FNV-1a over its folded words, one space between them; null when it has fewer than <see cref="MinWords"/> words.</summary>
    public static long? ParagraphHash(string text)
    {
        const ulong Prime = 1099511628211;
        ulong hash = 14695981039346656037;
        int words = 0;
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (words++ > 0) hash = (hash ^ ' ') * Prime;
            var word = text.AsSpan(token.Start, token.Length);
            // Folding an ASCII word is lower-casing it: most words are, and they need no string of their own.
            if (System.Text.Ascii.IsValid(word))
                foreach (var c in word) hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
            else
                foreach (var c in FrenchAnalyzer.Fold(word)) hash = (hash ^ c) * Prime;   // the same folding, cached per spelling
        }
        return words >= MinWords ? (long)hash : null;
    }

    /// <summary>
    /// The hash of each block that may be boilerplate, null for the others: headings, short paragraphs and the lead.
    /// The lead (the first paragraph) is the article's title and summary in every listing, export and feed, so it is
    /// never folded away.
    /// </summary>
    public static long?[] Hashes(IReadOnlyList<Block> blocks)
    {
        var hashes = new long?[blocks.Count];
        bool leadSeen = false;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Kind != BlockKind.Paragraph) continue;
            if (!leadSeen) { leadSeen = true; continue; }
            hashes[i] = ParagraphHash(blocks[i].Text);
        }
        return hashes;
    }

    /// <summary>The blocks that are not among <paramref name="boilerplate"/>, in order.</summary>
    public static List<Block> Without(IReadOnlyList<Block> blocks, IReadOnlySet<long> boilerplate)
    {
        var hashes = Hashes(blocks);
        var kept = new List<Block>(blocks.Count);
        for (int i = 0; i < blocks.Count; i++)
            if (hashes[i] is not { } hash || !boilerplate.Contains(hash)) kept.Add(blocks[i]);
        return kept;
    }
}
