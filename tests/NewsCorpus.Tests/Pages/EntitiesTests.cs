using System.Net;
using System.Text.Json;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

public abstract class EntitiesTests(SiteFixture site)
{
    public sealed class SiteOnPostgres : Site { protected override bool OnPostgres => true; }

    /// <summary>The seeds plus two articles that name the same people and groups in different ways.</summary>
    public class Site : SiteFixture
    {
        protected override void AddArticles(TestCorpus corpus)
        {
            corpus.Write("010_00000000000000a1.txt", """
                date 2024-01 Vladimir Poutine a reçu le colonel Assimi Goïta au Kremlin.

                Les instructeurs de l’Africa Corps restent déployés au Mali, a confirmé Moscou.
                """);
            corpus.Write("011_00000000000000a2.txt", """
                date 2024-02 Le président Poutine a salué la coopération avec Bamako.

                Le groupe Wagner a quitté le pays. Rosatom prépare une centrale au Burkina Faso.
                """);
        }
    }

    async Task<JsonElement> Json(string url) => JsonDocument.Parse(await site.Client().GetStringAsync(url)).RootElement;

    [StoreFact]
    public async Task The_entity_list_groups_people_organisations_and_places()
    {
        var doc = await site.Page("/entities");
        var sections = doc.QuerySelectorAll("section").ToDictionary(s => s.QuerySelector("h2")!.TextContent.Split(' ')[0],
            s => s.QuerySelectorAll("td a").Select(a => a.TextContent).ToList());
        Assert.Contains("Ibrahim Traore", sections["Personnes"]);   // as the seed spells it (TRAORE), without an accent it never had
        Assert.Contains("Vladimir Poutine", sections["Personnes"]);
        Assert.Contains("Rosatom", sections["Organisations"]);
        Assert.Contains("Kidal", sections["Lieux"]);
        Assert.DoesNotContain("Mali", sections.Values.SelectMany(v => v));
        var filtered = await site.Page("/entities?q=rosat");
        Assert.Equal(["Rosatom"], filtered.QuerySelectorAll("td a").Select(a => a.TextContent));
    }

    [StoreFact]
    public async Task A_surname_alone_joins_the_full_name_and_aliases_merge()
    {
        var poutine = await Json("/api/entities/vladimir-poutine");
        Assert.Equal(2, poutine.GetProperty("articles").GetInt32());
        var wagner = await Json("/api/entities/wagner");
        Assert.Equal(2, wagner.GetProperty("articles").GetInt32());   // "Africa Corps" in one, "groupe Wagner" in the other
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/api/entities/poutine")).StatusCode);
    }

    [StoreFact]
    public async Task An_entity_page_quotes_the_sentences_and_shows_what_it_is_mentioned_with()
    {
        var doc = await site.Page("/entities/ibrahim-traore");
        Assert.Equal("Ibrahim Traore", doc.QuerySelector("h1")!.TextContent);
        var quote = Assert.Single(doc.QuerySelectorAll(".quotes blockquote"));
        Assert.Contains("le Capitaine Ibrahim TRAORE", quote.TextContent);
        var countries = doc.QuerySelectorAll("#co-countries + ul a[href^='/countries/']").Select(a => a.TextContent).ToList();
        Assert.Equal(["Burkina Faso", "Mali", "Russie"], countries.Order());
        Assert.Contains(doc.QuerySelectorAll(".co-mentions a"), a => a.GetAttribute("href") == "/entities/kassoum-coulibaly");
        Assert.Equal([$"/articles/{Seed000}"], doc.QuerySelectorAll(".result a").Select(a => a.GetAttribute("href")));
    }

    [StoreFact]
    public async Task A_country_page_lists_co_mentioned_countries_with_links_to_the_pairs_articles()
    {
        var doc = await site.Page("/countries/bf");
        var pair = doc.QuerySelectorAll("#co-countries + ul li").Single(li => li.QuerySelector("a")!.TextContent == "Mali");
        var link = pair.QuerySelector("a.count")!;
        Assert.Equal("3 article(s)", link.TextContent);   // both seeds, and the one naming Bamako
        var results = await site.Page(link.GetAttribute("href")!);
        Assert.Equal(["/articles/00000000000000a2", $"/articles/{Seed004}", $"/articles/{Seed000}"],
            results.QuerySelectorAll(".result h2 a").Select(a => a.GetAttribute("href")));
        Assert.Contains(doc.QuerySelectorAll(".co-mentions a"), a => a.GetAttribute("href") == "/entities/rosatom");
    }

    [StoreFact]
    public async Task Search_facets_and_filters_by_entity()
    {
        using var json = JsonDocument.Parse(await site.Client().GetStringAsync("/api/search?q=Russie"));
        var entities = json.RootElement.GetProperty("facets").GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("slug").GetString()).ToList();
        Assert.Contains("rosatom", entities);
        var filtered = await site.Page("/search?q=Russie&entity=rosatom");
        Assert.Equal([$"/articles/{Seed004}"], filtered.QuerySelectorAll(".result h2 a").Select(a => a.GetAttribute("href")));
        var inBox = await site.Page("/search?q=coop%C3%A9ration+entite:vladimir-poutine");
        Assert.Equal(["/articles/00000000000000a2"], inBox.QuerySelectorAll(".result h2 a").Select(a => a.GetAttribute("href")));
    }

    [StoreFact]
    public async Task Articles_show_their_entities_as_chips()
    {
        var doc = await site.Page("/articles/00000000000000a1");
        var chips = doc.QuerySelectorAll("a.chip.entity").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/entities/vladimir-poutine", chips);
        Assert.Contains("/entities/assimi-goita", chips);
        Assert.Contains("/entities/wagner", chips);
    }

    [StoreFact]
    public async Task The_country_and_entity_api()
    {
        var ml = await Json("/api/countries/ml");
        Assert.Equal("Mali", ml.GetProperty("name").GetString());
        Assert.Equal(4, ml.GetProperty("articles").GetInt32());   // the seeds, "au Mali", "avec Bamako"
        Assert.Contains(ml.GetProperty("coMentionedCountries").EnumerateArray(), c => c.GetProperty("iso2").GetString() == "ru");
        var orgs = (await Json("/api/entities?kind=organisation")).GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("slug").GetString()).ToList();
        Assert.Contains("rosatom", orgs);
        Assert.DoesNotContain("ibrahim-traore", orgs);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/api/countries/zz")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Client().GetAsync("/api/entities?kind=weather")).StatusCode);
    }

    [StoreFact]
    public async Task The_entity_list_comes_in_pages_filtered_by_kind_and_name()
    {
        var all = await Json("/api/entities?pageSize=2");
        int total = all.GetProperty("total").GetInt32();
        Assert.True(total > 3, $"{total} entities");
        var first = all.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("slug").GetString()).ToList();
        Assert.Equal(2, first.Count);
        var second = (await Json("/api/entities?pageSize=2&page=2")).GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("slug").GetString()).ToList();
        Assert.Equal(2, second.Count);
        Assert.Empty(first.Intersect(second));
        var past = await Json($"/api/entities?pageSize=2&page={total}");
        Assert.Equal(total, past.GetProperty("total").GetInt32());
        Assert.Empty(past.GetProperty("entities").EnumerateArray());

        // By name, without regard to case or accents: "GOÏTA" finds Assimi Goïta.
        var named = (await Json("/api/entities?name=GO%C3%8FTA")).GetProperty("entities").EnumerateArray().ToList();
        Assert.Contains(named, e => e.GetProperty("slug").GetString() == "assimi-goita");
        Assert.All(named, e => Assert.Contains("goita", e.GetProperty("slug").GetString()));
        var people = (await Json("/api/entities?kind=person&name=traore")).GetProperty("entities").EnumerateArray().ToList();
        Assert.NotEmpty(people);
        Assert.All(people, e => Assert.Equal("person", e.GetProperty("kind").GetString()));

        foreach (var bad in new[] { "page=0", "page=99999999999", "pageSize=0", "pageSize=1001", "kind=7", "kind=weather" })
        {
            var response = await site.Client().GetAsync($"/api/entities?{bad}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{bad} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }
}

public sealed class EntitiesTestsOnSqlite(EntitiesTests.Site site) : EntitiesTests(site), IClassFixture<EntitiesTests.Site>;

[OnPostgres]
public sealed class EntitiesTestsOnPostgres(EntitiesTests.SiteOnPostgres site) : EntitiesTests(site), IClassFixture<EntitiesTests.SiteOnPostgres>;
