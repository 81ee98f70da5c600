using System.Text.RegularExpressions;

namespace NewsCorpus.Articles;

/// <summary>
/// Recognises the lines that speak about an article rather than in it: photo captions with their credit
/// ("Manifestation à Bamako, le 5 février. / AFP", "© Reuters"), credit lines ("Photo : Jean Dupont") and
/// bylines ("Par Jeanne Martin"). Scraped pages keep them as short stand-alone lines, which would otherwise
/// pass for section headings and be weighted as such.
/// </summary>
public static partial class Credits
{
    const int MaxLength = 300;

    // A credit at the end: a slash, a pipe or © and then words that are names (capitalised or in capitals, with
    // the particles of names): "/ AFP", "| Getty Images", "(© Jerome Delay)". Prose ending in "(AFP)." is prose.
    [GeneratedRegex(@"(?:^|\s)(?:[/|©]|\(©)\s*(?:[\p{Lu}][\p{L}.'’&-]*)(?:[\s/-]+(?:[\p{Lu}][\p{L}.'’&-]*|de|du|des|la|le|van|von|et))*\)?\s*$")]
    private static partial Regex TrailingCredit();

    // A line that opens as a credit or a byline: "© …", "Photo : …", "Crédit photo : …", "Par Jeanne Martin".
    [GeneratedRegex(@"^(?:©|(?i:photos?|crédits?(?: photos?)?|illustration|légende|image)\s*:|(?i:par)\s+\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|de|du|des|le|la|et|avec)){0,5}\s*(?:[,(].{0,60})?$)")]
    private static partial Regex LeadingCredit();

    public static bool IsCredit(string paragraph)
    {
        if (paragraph.Length > MaxLength) return false;
        var m = TrailingCredit().Match(paragraph);
        // The credit must be a credit, not the end of a sentence: a few words after the mark, none of them ordinary prose.
        if (m.Success && m.Length <= 60 && m.Index > 0) return true;
        return LeadingCredit().IsMatch(paragraph) && !paragraph.StartsWith("Par ailleurs", StringComparison.OrdinalIgnoreCase);
    }
}
