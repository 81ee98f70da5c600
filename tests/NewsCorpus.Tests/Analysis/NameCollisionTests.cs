using NewsCorpus.Analysis;
using NewsCorpus.Countries;
using NewsCorpus.Lexicon;
using Xunit.Abstractions;

namespace NewsCorpus.Tests.Analysis;

/// <summary>
/// The collisions between names and common words, found systematically: every country and every place of the
/// gazetteers large enough to be a name at the start of a sentence, whose Snowball stem is also the stem of a
/// common French word of the lexicon (Mali and mal, Gaza and gaz…). Written as a name, each must stay apart from
/// those words.
/// </summary>
public class NameCollisionTests(ITestOutputHelper output)
{
    [Fact]
    public void No_country_or_large_place_written_as_a_name_meets_a_common_word()
    {
        var commonByStem = LexiconFiles.Lines("french-words.txt.gz")
            .GroupBy(w => Folding.Fold(FrenchStemmer.Stem(w)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(Folding.Fold).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var names = CountryCatalog.Default.All.SelectMany(c => Tokenizer.Tokenize(c.Name).Select(t => t.Text(c.Name)))
            .Concat(LexiconFiles.Lines("places.tsv.gz").Select(l => l.Split('\t')).Where(f => int.Parse(f[3]) >= 100_000).Select(f => f[0]))
            .Where(n => Tokenizer.Tokenize(n).Count == 1 && n.Length > 2 && char.IsUpper(n[0]))
            .Distinct(StringComparer.Ordinal).ToList();

        var collisions = new List<string>();
        var merged = new List<string>();
        foreach (var name in names)
        {
            var folded = Folding.Fold(name);
            if (!commonByStem.TryGetValue(Folding.Fold(FrenchStemmer.Stem(Folding.Lower(name))), out var common)) continue;
            var others = common.Where(w => w != folded).ToList();
            if (others.Count == 0) continue;
            collisions.Add(name);
            // Mid-sentence and at the start of one, as a writer puts a place name.
            foreach (var text in new[] { $"On parle de {name} ici.", $"{name} : la suite." })
            {
                // A name that elision or a stop word reads otherwise ("L'Aquila", "Sur") is no stemmed name.
                if (FrenchAnalyzer.AnalyzeText(text).Select(w => w.Word).FirstOrDefault(w => w.Exact == folded) is not { IsStopWord: false } word) continue;
                var met = others.Where(o => FrenchAnalyzer.AnalyzeText(o).ToList() is [var only] && only.Word.Stem == word.Stem).ToList();
                if (met.Count > 0) merged.Add($"{text} → {word.Stem}: {string.Join(", ", met.Take(5))}");
            }
        }
        output.WriteLine($"{names.Count} names, {collisions.Count} whose stem is a common word's, e.g. {string.Join(", ", collisions.Take(30))}");
        Assert.True(collisions.Count > 100, $"only {collisions.Count} collisions found: the lexicon or the gazetteer did not load");
        output.WriteLine(string.Join("\n", merged));
        Assert.Empty(merged);
    }
}
