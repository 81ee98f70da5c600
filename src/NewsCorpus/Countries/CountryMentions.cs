using NewsCorpus.Articles;

namespace NewsCorpus.Countries;

/// <summary>Per-article country counts, as stored: how often each country is named and whether the lead names it.</summary>
public static partial class CountryMentions
{
    /// <summary>What a mention in the lead (the first paragraph, where the title comes from) is worth over one in the body.</summary>
    public const int LeadBonus = 3;

    /// <summary>How much an article is about a country: its mentions, and more when its lead or title names it.</summary>
    public static int Weight(int mentions, bool inLead) => mentions + (inLead ? LeadBonus : 0);

    /// <summary>
    /// The words both Congos are named by ("Congo" alone, which the catalogue gives the Republic of the Congo, and
    /// "congolais", which it gives the DRC): the article's other evidence decides which Congo they mean.
    /// </summary>
    static readonly HashSet<string> SharedCongoWords = new(StringComparer.Ordinal)
        { "congo", "congolais", "congolaise", "congolaises" };

    static bool IsSharedCongoWord(string text, CountryMatch match) =>
        match.Iso2 is "cd" or "cg" && SharedCongoWords.Contains(FoldedWord(text.Substring(match.Start, match.Length)));

    static string FoldedWord(string spelled)
    {
        var folded = Analysis.Folding.Fold(spelled);
        return CountryDetector.ElisionLength(folded) is > 0 and var cut ? folded[cut..] : folded;
    }

    /// <summary>The Congo whose towns (50,000 people or more) or provinces the article names, when only one of them is.</summary>
    static string? CongoOfPlaces(ParsedArticle article)
    {
        bool drc = false, republic = false;
        foreach (var block in article.Blocks)
            foreach (System.Text.RegularExpressions.Match name in CapitalisedName().Matches(block.Text))
                foreach (var place in Lexicon.Places.Named(name.Value))
                {
                    if (place.Kind == Lexicon.PlaceKind.City && place.Population < 50_000 || place.Kind is not (Lexicon.PlaceKind.City or Lexicon.PlaceKind.Subdivision)) continue;
                    if (place.CountryCode == "CD") drc = true;
                    else if (place.CountryCode == "CG") republic = true;
                }
        return drc == republic ? null : drc ? "cd" : "cg";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{Lu}[\p{L}]+(?:-\p{Lu}[\p{L}]+)*")]
    private static partial System.Text.RegularExpressions.Regex CapitalisedName();

    public static IEnumerable<(string Iso2, int Mentions, bool InLead)> Count(ParsedArticle article, CountryDetector? detector = null)
    {
        detector ??= CountryDetector.Default;
        var counts = new Dictionary<string, (int Mentions, bool InLead)>(8);
        var shared = new Dictionary<string, (int Mentions, bool InLead)>(2);   // "Congo", "congolais", by the catalogue's country
        bool lead = true;
        foreach (var block in article.Blocks)
        {
            foreach (var match in detector.Find(block.Text))
            {
                var tally = IsSharedCongoWord(block.Text, match) ? shared : counts;
                tally.TryGetValue(match.Iso2, out var c);
                tally[match.Iso2] = (c.Mentions + 1, c.InLead || lead);
            }
            if (block.Kind == BlockKind.Paragraph) lead = false;
        }
        if (shared.Count > 0)
        {
            // One Congo for all the shared words: the one the article otherwise names (RDC, Kinshasa, Brazzaville),
            // else the one whose towns and provinces it names (Goma, Nord-Kivu; Pointe-Noire), else the
            // catalogue's for "Congo" alone, and the DRC for "congolais" alone.
            var owner = counts.ContainsKey("cd") ? "cd" : counts.ContainsKey("cg") ? "cg"
                : CongoOfPlaces(article) ?? (shared.ContainsKey("cg") ? "cg" : "cd");
            foreach (var (_, bare) in shared)
            {
                counts.TryGetValue(owner, out var c);
                counts[owner] = (c.Mentions + bare.Mentions, c.InLead || bare.InLead);
            }
        }
        var ranked = new List<(string Iso2, int Mentions, bool InLead)>(counts.Count);
        foreach (var (iso2, (mentions, inLead)) in counts) ranked.Add((iso2, mentions, inLead));
        // Heaviest first; an insertion sort because there are a handful, and stable so that equal weights keep the
        // order in which the countries were first named.
        for (int i = 1; i < ranked.Count; i++)
        {
            var country = ranked[i];
            int j = i - 1;
            for (; j >= 0 && Weight(ranked[j].Mentions, ranked[j].InLead) < Weight(country.Mentions, country.InLead); j--)
                ranked[j + 1] = ranked[j];
            ranked[j + 1] = country;
        }
        return ranked;
    }
}
