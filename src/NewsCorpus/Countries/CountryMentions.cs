using NewsCorpus.Articles;

namespace NewsCorpus.Countries;

/// <summary>Per-article country counts, as stored: how often each country is named and whether the lead names it.</summary>
public static class CountryMentions
{
    /// <summary>What a mention in the lead (the first paragraph, where the title comes from) is worth over one in the body.</summary>
    public const int LeadBonus = 3;

    /// <summary>How much an article is about a country: its mentions, and more when its lead or title names it.</summary>
    public static int Weight(int mentions, bool inLead) => mentions + (inLead ? LeadBonus : 0);

    /// <summary>
    /// Short names two countries share, by the country the catalogue gives them, with the countries they may mean
    /// in order of preference: the article's other mentions decide (a DRC article says "Congo" too).
    /// </summary>
    static readonly Dictionary<string, string[]> SharedNames = new(StringComparer.Ordinal)
    {
        ["cg"] = ["cd", "cg"],
    };
    static readonly Dictionary<string, string> SharedNameWords = new(StringComparer.Ordinal) { ["cg"] = "congo" };

    static bool IsBareSharedName(string text, CountryMatch match) =>
        SharedNameWords.TryGetValue(match.Iso2, out var word) && match.Length == word.Length
        && Analysis.Folding.Fold(text.Substring(match.Start, match.Length)) == word;

    public static IEnumerable<(string Iso2, int Mentions, bool InLead)> Count(ParsedArticle article, CountryDetector? detector = null)
    {
        detector ??= CountryDetector.Default;
        var counts = new Dictionary<string, (int Mentions, bool InLead)>(8);
        var bareNames = new Dictionary<string, (int Mentions, bool InLead)>(2);   // by the country the bare name went to
        bool lead = true;
        foreach (var block in article.Blocks)
        {
            foreach (var match in detector.Find(block.Text))
            {
                var tally = IsBareSharedName(block.Text, match) ? bareNames : counts;
                tally.TryGetValue(match.Iso2, out var c);
                tally[match.Iso2] = (c.Mentions + 1, c.InLead || lead);
            }
            if (block.Kind == BlockKind.Paragraph) lead = false;
        }
        foreach (var (iso2, bare) in bareNames)
        {
            // "Congo" alone goes to the Congo the article otherwise names (RDC, Kinshasa, congolais…), else to the data's.
            var owner = SharedNames[iso2].FirstOrDefault(counts.ContainsKey) ?? iso2;
            counts.TryGetValue(owner, out var c);
            counts[owner] = (c.Mentions + bare.Mentions, c.InLead || bare.InLead);
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
