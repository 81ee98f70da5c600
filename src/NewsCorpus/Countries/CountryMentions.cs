using NewsCorpus.Articles;

namespace NewsCorpus.Countries;

/// <summary>Per-article country counts, as stored: how often each country is named and whether the lead names it.</summary>
public static class CountryMentions
{
    /// <summary>What a mention in the lead (the first paragraph, where the title comes from) is worth over one in the body.</summary>
    public const int LeadBonus = 3;

    /// <summary>How much an article is about a country: its mentions, and more when its lead or title names it.</summary>
    public static int Weight(int mentions, bool inLead) => mentions + (inLead ? LeadBonus : 0);

    public static IEnumerable<(string Iso2, int Mentions, bool InLead)> Count(ParsedArticle article, CountryDetector? detector = null)
    {
        detector ??= CountryDetector.Default;
        var counts = new Dictionary<string, (int Mentions, bool InLead)>();
        bool lead = true;
        foreach (var block in article.Blocks)
        {
            foreach (var match in detector.Find(block.Text))
            {
                counts.TryGetValue(match.Iso2, out var c);
                counts[match.Iso2] = (c.Mentions + 1, c.InLead || lead);
            }
            if (block.Kind == BlockKind.Paragraph) lead = false;
        }
        return counts.Select(kv => (kv.Key, kv.Value.Mentions, kv.Value.InLead)).OrderByDescending(c => Weight(c.Mentions, c.InLead));
    }
}
