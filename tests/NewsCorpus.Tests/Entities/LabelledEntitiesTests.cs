using NewsCorpus.Analysis;
using NewsCorpus.Entities;
using Xunit.Abstractions;

namespace NewsCorpus.Tests.Entities;

/// <summary>Precision and recall of the extractor against hand-labelled sentences (Data/entities-labelled.tsv).</summary>
public class LabelledEntitiesTests(ITestOutputHelper output)
{
    [Fact]
    public void Extractor_reaches_precision_and_recall_floor_on_labelled_sentences()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "entities-labelled.tsv");
        var extractor = EntityExtractor.Default;
        int truePositives = 0, predicted = 0, expected = 0, sentences = 0;

        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            var columns = line.Split('\t');
            Assert.True(columns.Length == 2, $"expected sentence<TAB>entities: {line}");
            sentences++;
            var gold = columns[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ParseLabel).ToHashSet();
            var found = extractor.Extract(TextNormalizer.Normalize(columns[0]))
                .Select(m => (m.Kind, Name: Key(m.Surface))).ToHashSet();

            truePositives += found.Count(gold.Contains);
            predicted += found.Count;
            expected += gold.Count;
            foreach (var miss in gold.Except(found)) output.WriteLine($"missed   {miss.Kind}:{miss.Name}   in: {columns[0]}");
            foreach (var extra in found.Except(gold)) output.WriteLine($"spurious {extra.Kind}:{extra.Name}   in: {columns[0]}");
        }

        double precision = (double)truePositives / predicted, recall = (double)truePositives / expected;
        output.WriteLine($"{sentences} sentences, {expected} labelled entities, {predicted} found, {truePositives} correct");
        output.WriteLine($"precision {precision:F3}  recall {recall:F3}");
        Assert.True(sentences >= 40, $"only {sentences} labelled sentences");
        Assert.True(precision >= 0.80, $"precision {precision:F3} below 0.80");
        Assert.True(recall >= 0.80, $"recall {recall:F3} below 0.80");
    }

    static (EntityKind Kind, string Name) ParseLabel(string label)
    {
        int colon = label.IndexOf(':');
        var kind = Enum.Parse<EntityKind>(label[..colon]);
        return (kind, Key(label[(colon + 1)..]));
    }

    // Compare names the way the resolver does: no case, no accents, punctuation as spaces.
    static string Key(string name) => EntityNames.Key(name);
}
