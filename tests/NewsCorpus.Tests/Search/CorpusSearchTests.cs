using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Search;

public abstract class CorpusSearchTests(SeedCorpusFixture seeds)
{
    [StoreFact]
    public void Rosatom_finds_exactly_the_nuclear_article() =>
        Assert.Equal([Seed004], seeds.Ids("Rosatom"));

    [StoreTheory]
    [InlineData("cooperation")]      // coopération, without accents
    [InlineData("COOPÉRATION")]
    [InlineData("manœuvre")]         // the seed writes "manoeuvre"
    [InlineData("afrique")]          // the text says "l’Afrique"
    [InlineData("l'armée OR forces")]
    public void Accents_case_ligatures_and_elision_do_not_matter(string query) =>
        Assert.NotEmpty(seeds.Ids(query));

    [StoreFact]
    public void Manoeuvre_without_the_ligature_finds_the_same_article() =>
        Assert.Equal(seeds.Ids("manœuvre"), seeds.Ids("manoeuvre"));

    static readonly string[] Both = [Seed004, Seed000];   // in id order, as .Order() gives them

    [StoreFact]
    public void Afrique_finds_l_afrique_through_elision() =>
        Assert.Equal([Seed004], seeds.Ids("Afrique"));

    [StoreFact]
    public void Formations_stemmed_finds_both_quoted_finds_only_the_exact_word()
    {
        Assert.Equal(Both, seeds.Ids("formations").Order());
        Assert.Equal([Seed004], seeds.Ids("\"formations\""));
    }

    [StoreFact]
    public void Prefix_finds_rosatom() => Assert.Equal([Seed004], seeds.Ids("Rosat*"));

    [StoreFact]
    public void Exclusion_removes_the_articles_that_contain_the_word() =>
        Assert.Equal([Seed000], seeds.Ids("Russie -Rosatom"));

    [StoreFact]
    public void Phrases_are_exact_and_in_order()
    {
        Assert.Equal([Seed004], seeds.Ids("\"centrale nucléaire\""));
        Assert.Empty(seeds.Ids("\"nucléaire centrale\""));
        Assert.Equal([Seed004], seeds.Ids("\"CENTRALE NUCLEAIRE\""));
    }

    [StoreFact]
    public void Or_matches_either_term() => Assert.Equal([Seed004], seeds.Ids("Rosatom OR Kidal"));

    [StoreFact]
    public void Or_of_words_in_different_articles_finds_both() =>
        Assert.Equal(Both, seeds.Ids("Kassoum OR dengue").Order());

    [StoreFact]
    public void A_misspelt_word_gets_the_closest_indexed_word()
    {
        var r = seeds.Search("Rosatam");
        Assert.Equal(0, r.Total);
        var s = Assert.Single(r.Suggestions);
        Assert.Equal("Rosatom", s.Replacement);
        Assert.Equal("Rosatom", s.Query);
    }

    [StoreFact]
    public void Variants_list_the_forms_found_for_each_term_with_counts()
    {
        var r = seeds.Search("formation");
        var v = Assert.Single(r.Variants);
        var forms = v.Forms.ToDictionary(f => f.Form, f => f.Occurrences);
        Assert.Equal(2, forms["formation"]);
        Assert.Equal(2, forms["formations"]);
        // Removing a form turns the term into the exact remaining form.
        Assert.Equal("\"formation\"", v.Forms.Single(f => f.Form == "formations").QueryWithout);
        Assert.Equal([Seed004], seeds.Ids(v.Forms.Single(f => f.Form == "formation").QueryWithout));
    }

    [StoreFact]
    public void Snippets_mark_the_original_words_and_escape_the_rest()
    {
        var hit = Assert.Single(seeds.Search("nucléaire").Hits);
        Assert.Contains("<mark>nucléaire</mark>", hit.SnippetHtml);
        var formations = seeds.Search("formation", sort: "oldest").Hits;
        Assert.Contains("<mark>formation</mark>", formations[0].SnippetHtml);
        Assert.Contains("<mark>formations</mark>", formations[1].SnippetHtml);
        Assert.DoesNotContain("format ", formations[1].SnippetHtml);
    }

    [StoreFact]
    public void Filters_from_fields_and_from_the_query_box_narrow_the_results()
    {
        Assert.Equal([Seed000], seeds.Ids("Russie", to: "2023-10"));
        Assert.Equal([Seed000], seeds.Ids("Russie au:2023-10"));
        Assert.Equal([Seed004], seeds.Ids("Russie du:2023-11"));
        Assert.Equal([Seed004], seeds.Ids("Russie from:2023-11"));
        Assert.Equal(Both, seeds.Ids("Russie pays:ml").Order());
        Assert.Empty(seeds.Ids("Russie pays:fr"));
        Assert.Empty(seeds.Ids("Russie", country: "cn"));
    }

    [StoreFact]
    public void Filters_alone_browse_newest_first() =>
        Assert.Equal([Seed004, Seed000], seeds.Ids("pays:ml"));

    [StoreFact]
    public void Sorts_by_date_both_ways()
    {
        Assert.Equal([Seed004, Seed000], seeds.Ids("Russie", sort: "newest"));
        Assert.Equal([Seed000, Seed004], seeds.Ids("Russie", sort: "oldest"));
    }

    [StoreFact]
    public void Facets_count_the_whole_result_set()
    {
        var r = seeds.Search("Russie");
        Assert.Equal(2, r.Total);
        Assert.Equal([("2023-10", 1), ("2023-11", 1)], r.Months.Select(m => (m.Month, m.Count)));
        Assert.Equal(2, r.Countries.Single(c => c.Iso2 == "ml").Count);
    }

    [StoreFact]
    public void Only_stop_words_or_only_exclusions_explain_themselves()
    {
        var stop = seeds.Search("le la de");
        Assert.True(stop.Unusable);
        Assert.Contains(stop.Query.Notices, n => n.Kind == NewsCorpus.Search.NoticeKind.OnlyStopWords);
        var excl = seeds.Search("-Rosatom");
        Assert.True(excl.Unusable);
        Assert.Contains(excl.Query.Notices, n => n.Kind == NewsCorpus.Search.NoticeKind.OnlyExclusions);
    }

    [StoreTheory]
    [InlineData(5)]
    [InlineData(107_374_183)]      // page × 20 just past int.MaxValue
    [InlineData(int.MaxValue)]
    public void Pages_beyond_the_last_are_empty_but_keep_the_total(int page)
    {
        var r = seeds.Search("Russie", page: page);
        Assert.Equal(2, r.Total);
        Assert.Empty(r.Hits);
    }

    [StoreTheory]
    [InlineData("\"Rosatom")]
    [InlineData("NEAR(")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("AND")]
    [InlineData("l'armée")]
    [InlineData("(mali")]
    [InlineData("foo:bar")]
    [InlineData("C++")]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData(")))(((")]
    [InlineData("OR OR OR")]
    [InlineData("a* b* c*")]
    [InlineData("mali NOT")]
    [InlineData("{title} : rosatom")]
    [InlineData("rosatom^2 ~ ' \\ ; DROP TABLE articles; --")]
    [InlineData("pays: du: au:2023-99 country:xyz")]
    public void Hostile_queries_never_throw(string query)
    {
        var r = seeds.Search(query);
        Assert.True(r.Total >= 0);
        Assert.Equal(2, seeds.Scalar("SELECT count(*) FROM articles"));
    }

    [StoreFact]
    public void Quoted_rosatom_even_unbalanced_still_finds_it() =>
        Assert.Equal([Seed004], seeds.Ids("\"Rosatom"));
}

public sealed class CorpusSearchTestsOnSqlite(SeedCorpusFixture seeds) : CorpusSearchTests(seeds), IClassFixture<SeedCorpusFixture>;

[OnPostgres]
public sealed class CorpusSearchTestsOnPostgres(PostgresSeedCorpusFixture seeds) : CorpusSearchTests(seeds), IClassFixture<PostgresSeedCorpusFixture>;

public class CorpusSearchOnAddedArticlesTests
{
    // The seeds never write "étudiant(s)", so this check of #3 runs on a corpus with one more article.
    [Fact]
    public void Etudiant_finds_etudiants()
    {
        using var corpus = new TestCorpus();
        corpus.Write("005_00000000000000e5.txt", "date 2023-12 Des étudiants maliens partent étudier à Moscou.\n\nLa suite.");
        corpus.Import();
        using var connection = corpus.Open();
        var search = NewsCorpus.Search.CorpusSearch.For(connection);
        var hits = search.Search(NewsCorpus.Search.SearchRequest.FromForm("étudiant", null, null, null, null)).Hits;
        var hit = Assert.Single(hits);
        Assert.Equal("00000000000000e5", hit.Id);
        Assert.Contains("<mark>étudiants</mark>", hit.TitleHtml);
    }
}
