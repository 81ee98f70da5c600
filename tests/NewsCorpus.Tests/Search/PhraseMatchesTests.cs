using System.Text.RegularExpressions;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsCorpus.Search;

namespace NewsCorpus.Tests.Search;

/// <summary>The documents a phrase matches, read from positions up to its first occurrence, against Lucene's phrase scorer on real text.</summary>
public sealed class PhraseMatchesTests(WikinewsRelevanceFixture wikinews) : IClassFixture<WikinewsRelevanceFixture>
{
    [Fact]
    public void Every_run_of_two_to_four_words_of_the_titles_matches_the_documents_Lucene_scores()
    {
        using var connection = wikinews.Corpus.Open();
        var search = CorpusSearch.For(connection);
        var titles = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT title FROM articles ORDER BY article_key";
            using var reader = command.ExecuteReader();
            while (reader.Read()) titles.Add(reader.GetString(0));
        }
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var title in titles)
        {
            var words = Regex.Matches(title, @"[\p{L}\p{N}’']+").Select(m => m.Value).ToList();
            for (int length = 2; length <= 4; length++)
                for (int start = 0; start + length <= words.Count; start++)
                    phrases.Add(string.Join(' ', words.Skip(start).Take(length)));
            // The title's first and last words side by side: a phrase that mostly does not occur.
            if (words.Count > 2) phrases.Add($"{words[^1]} {words[0]}");
        }

        using var index = FullTextIndex.Acquire(connection);
        var searcher = index.Searcher;
        int compared = 0, found = 0;
        var differing = new List<string>();
        foreach (var phrase in phrases)
        {
            if (LuceneQuery.Compile(search.Parse($"\"{phrase}\"", SearchFilters.None)) is not { } query) continue;
            var bits = new MatchBits(searcher);
            var weight = searcher.CreateNormalizedWeight(query);
            int matches = 0;
            foreach (var leaf in index.Reader.Leaves)
            {
                var expected = new FixedBitSet(leaf.AtomicReader.MaxDoc);
                if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } scorer)
                    for (int doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc()) expected.Set(doc);
                var actual = bits.Of(query, leaf);
                if (!actual.Equals(expected)) differing.Add($"\"{phrase}\": {actual.Cardinality} documents against {expected.Cardinality}");
                matches += expected.Cardinality;
            }
            compared++;
            if (matches > 0) found++;
        }

        Assert.Empty(differing);
        // Not a comparison of empty sets: most runs of a title's words are in its article, some in others too.
        Assert.True(compared > 1_000, $"{compared} phrases");
        Assert.True(found > compared / 2, $"{found} of {compared} phrases found");
    }
}
