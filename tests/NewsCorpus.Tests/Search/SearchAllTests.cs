using NewsCorpus.Search;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Search;

/// <summary>CorpusSearch.All, behind exports and feeds: the page's matches and order, without pages.</summary>
public abstract class SearchAllTests(SeedCorpusFixture seeds)
{
    List<string> All(string? q, string? country = null, string? sort = null, string? entity = null)
    {
        using var connection = seeds.Open();
        return CorpusSearch.For(connection).All(SearchRequest.FromForm(q, country, null, null, sort, entity: entity)).Select(r => r.Id).ToList();
    }

    [StoreTheory]
    [InlineData("Russie", null)]
    [InlineData("Russie", "oldest")]
    [InlineData("Russie", "newest")]
    [InlineData("formation OR Rosatom", null)]
    [InlineData("Russie -Rosatom", null)]
    public void Gives_the_pages_matches_in_the_pages_order(string q, string? sort)
    {
        Assert.Equal(seeds.Ids(q, sort: sort), All(q, sort: sort));
    }

    [StoreFact]
    public void Filters_alone_list_newest_first()
    {
        Assert.Equal([Seed004, Seed000], All(null, country: "ml"));
    }

    [StoreFact]
    public void An_unusable_query_gives_nothing_as_on_the_page()
    {
        Assert.Empty(All("-Rosatom"));
        Assert.Empty(All(""));
    }

    [StoreFact]
    public void Rows_carry_countries_entities_and_the_lead()
    {
        using var connection = seeds.Open();
        var row = Assert.Single(CorpusSearch.For(connection).All(SearchRequest.FromForm("Rosatom", null, null, null, null)));
        Assert.Equal(Seed004, row.Id);
        Assert.Equal("2023-11", row.Month);
        Assert.Equal(["ru", "bf", "ml"], row.Countries);
        Assert.Contains("rosatom", row.Entities);
        Assert.Equal("004_85765fc0af500544.txt", row.FileName);
        Assert.StartsWith("Le rapprochement entre la Russie et le Mali", row.Lead);
        Assert.True(row.WordCount > 100);
    }
}

public sealed class SearchAllTestsOnSqlite(SeedCorpusFixture seeds) : SearchAllTests(seeds), IClassFixture<SeedCorpusFixture>;

[OnPostgres]
public sealed class SearchAllTestsOnPostgres(PostgresSeedCorpusFixture seeds) : SearchAllTests(seeds), IClassFixture<PostgresSeedCorpusFixture>;
