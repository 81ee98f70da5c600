using Microsoft.Data.Sqlite;
using NewsCorpus.Analysis;
using NewsCorpus.Countries;
using NewsCorpus.Search;

namespace NewsCorpus.Tests.Search;

/// <summary>
/// Properties of the search over the whole vocabulary of real news (the 95 Wikinews articles): however a word is
/// typed it finds the same articles, and a country's name finds only articles that name it.
/// </summary>
public sealed class RealTextSearchTests(WikinewsRelevanceFixture wikinews) : IClassFixture<WikinewsRelevanceFixture>
{
    static readonly HashSet<string> Operators = ["OR", "OU", "NOT", "SAUF", "AND", "ET"];

    [Fact]
    public void Every_word_of_the_corpus_is_the_same_search_with_or_without_accents_and_capitals()
    {
        using var connection = wikinews.Corpus.Open();
        var search = CorpusSearch.For(connection);
        var forms = Forms(connection);
        Assert.True(forms.Count > 5_000, $"{forms.Count} word forms");
        var differing = new List<string>();
        foreach (var form in forms)
        {
            var expected = LuceneQuery.Compile(search.Parse(form, SearchFilters.None))?.ToString();
            foreach (var typed in Typings(form))
            {
                var actual = LuceneQuery.Compile(search.Parse(typed, SearchFilters.None))?.ToString();
                if (actual != expected) differing.Add($"{form} / {typed}: {expected} vs {actual}");
            }
        }
        Assert.Empty(differing);
    }

    [Fact]
    public void Accented_words_typed_plainly_find_the_same_articles()
    {
        using var connection = wikinews.Corpus.Open();
        var search = CorpusSearch.For(connection);
        var accented = Forms(connection).Where(f => Folding.Fold(f) != f.ToLowerInvariant() && !FrenchAnalyzer.Analyze(f).IsStopWord).ToList();
        Assert.True(accented.Count > 1_000, $"{accented.Count} accented forms");
        // Every seventh, so that the test reads a few hundred searches, not thousands.
        foreach (var form in accented.Where((_, i) => i % 7 == 0))
        {
            var expected = Ids(search, form);
            Assert.True(expected.Count > 0, $"{form} finds nothing");
            foreach (var typed in Typings(form)) Assert.Equal(expected, Ids(search, typed));
        }
    }

    [Fact]
    public void A_country_the_corpus_writes_as_a_name_finds_only_articles_that_name_it_or_its_people()
    {
        using var connection = wikinews.Corpus.Open();
        var search = CorpusSearch.For(connection);
        var catalog = CountryCatalog.Default;
        int tried = 0;
        foreach (var country in catalog.All.Where(c => Tokenizer.Tokenize(c.Name).Count == 1))
        {
            var demonym = catalog.Demonyms[country.Iso2.ToLowerInvariant()];
            // The name and the demonyms as a reader recognises them: the word itself or a word starting with a demonym.
            string[] stems = [Folding.Fold(demonym.Masculine), Folding.Fold(demonym.Feminine)];
            var name = Folding.Fold(country.Name);
            // A name the corpus writes mostly as a common word (Réunion, réunion) is searched as that word.
            if (!search.Parse(country.Name, SearchFilters.None).Stems.Of(FrenchAnalyzer.Analyze(country.Name)).IsName) continue;
            var hits = search.Search(new SearchRequest(country.Name, SearchFilters.None, SearchSort.Relevance, 1, 100)).Hits;
            if (hits.Count == 0) continue;
            tried++;
            foreach (var hit in hits)
            {
                var words = FrenchAnalyzer.AnalyzeText(Text(connection, hit.Id)).Select(w => w.Word.Exact).ToList();
                Assert.True(words.Any(w => w == name || stems.Any(s => w.StartsWith(s, StringComparison.Ordinal))),
                    $"{country.Name} found {hit.Id} ({hit.Title}), which names neither it nor its people");
            }
        }
        Assert.True(tried >= 15, $"{tried} countries named");
    }

    [Fact]
    public void Mali_is_not_mal()
    {
        using var connection = wikinews.Corpus.Open();
        var search = CorpusSearch.For(connection);
        var mali = Ids(search, "Mali");
        var mal = Ids(search, "mal");
        Assert.NotEmpty(mali);
        Assert.NotEmpty(mal);
        Assert.DoesNotContain(mali, id => !Text(connection, id).Contains("Mali"));
        Assert.DoesNotContain(mal, id => !FrenchAnalyzer.AnalyzeText(Text(connection, id)).Any(w => w.Word.Stem == "mal"));
    }

    static IEnumerable<string> Typings(string form)
    {
        var plain = Folding.Fold(form);
        foreach (var typed in new[] { plain, form.ToUpperInvariant(), plain.ToUpperInvariant(), char.ToUpperInvariant(form[0]) + form[1..] })
            if (!Operators.Contains(typed.ToUpperInvariant()) || typed != typed.ToUpperInvariant()) yield return typed;
    }

    static List<string> Forms(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT form FROM words ORDER BY form";
        using var reader = cmd.ExecuteReader();
        var forms = new List<string>();
        while (reader.Read()) forms.Add(reader.GetString(0));
        return forms;
    }

    static List<string> Ids(CorpusSearch search, string query) =>
        search.Search(new SearchRequest(query, SearchFilters.None, SearchSort.Relevance, 1, 100)).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToList();

    static string Text(SqliteConnection connection, string id)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT title || ' ' || body FROM articles WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return (string)cmd.ExecuteScalar()!;
    }
}
