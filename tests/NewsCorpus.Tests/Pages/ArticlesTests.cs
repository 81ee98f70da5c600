using System.Net;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

public abstract class ArticlesTests(SiteFixture site)
{
    public const string HostileId = "00000000000000ee";

    public sealed class HostileSiteOnPostgres : HostileSite { protected override bool OnPostgres => true; }

    /// <summary>The seeds plus one article whose text tries to inject markup.</summary>
    public const string HeadlinedId = "00000000000000ef";

    /// <summary>The seeds, one article whose text tries to inject markup, and one that starts with its headline as scraped pages do.</summary>
    public class HostileSite : SiteFixture
    {
        protected override void AddArticles(TestCorpus corpus)
        {
            corpus.Write($"901_{HeadlinedId}.txt", """
                date 2023-12-05

                Tombouctou : les mausolées reconstruits

                Les maçons de Tombouctou ont achevé la reconstruction des mausolées détruits en 2012.

                Les travaux ont duré deux ans.
                """);
            WriteHostile(corpus);
        }

        static void WriteHostile(TestCorpus corpus) => corpus.Write($"900_{HostileId}.txt", """
            date 2023-12 <script>alert('x')</script> Un texte <img src=x onerror=alert(1)> piégé.

            Un [lien](javascript:alert(1)) et un [autre](https://example.org/ok) et <a href="javascript:alert(2)" onclick="x()">brut</a>.

            # Pas un titre Markdown
            """);
    }

    [StoreFact]
    public async Task An_article_shows_title_date_countries_and_headings()
    {
        var doc = await site.Page($"/articles/{Seed004}");
        Assert.StartsWith("Le rapprochement entre la Russie et le Mali", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal("novembre 2023", doc.QuerySelector("time")!.TextContent);
        Assert.Equal(["Coopération militaire", "La santé également dans le viseur"],
            doc.QuerySelectorAll(".article-body h2").Select(h => h.TextContent));
        var chips = doc.QuerySelectorAll(".meta a.chip:not(.entity)").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/countries/ru", "/countries/bf", "/countries/ml"], chips);
    }

    [StoreFact]
    public async Task A_headline_written_as_the_text_s_first_line_is_the_title_shown_once_and_the_snippet_is_the_lead()
    {
        var doc = await site.Page($"/articles/{HeadlinedId}");
        Assert.Equal("Tombouctou : les mausolées reconstruits", doc.QuerySelector("h1")!.TextContent.Trim());
        var body = doc.QuerySelector(".article-body")!;
        Assert.DoesNotContain("les mausolées reconstruits", body.TextContent);
        Assert.StartsWith("Les maçons de Tombouctou", body.QuerySelector("p")!.TextContent);

        var search = await site.Page("/search?q=maçons");
        var snippet = Assert.Single(search.QuerySelectorAll(".snippet")).TextContent;
        Assert.Contains("maçons de Tombouctou ont achevé", snippet);
        Assert.DoesNotContain("reconstruits", snippet);
        // The headline is still searched, as the title.
        Assert.Single((await site.Page("/search?q=reconstruits")).QuerySelectorAll(".snippet"));
    }

    [StoreFact]
    public async Task Previous_and_next_follow_the_timeline()
    {
        var first = await site.Page($"/articles/{Seed000}");
        Assert.Null(first.QuerySelector(".article-nav a[rel=prev]"));
        Assert.Equal($"/articles/{Seed004}", first.QuerySelector(".article-nav a[rel=next]")!.GetAttribute("href"));
        var second = await site.Page($"/articles/{Seed004}");
        Assert.Equal($"/articles/{Seed000}", second.QuerySelector(".article-nav a[rel=prev]")!.GetAttribute("href"));
    }

    [StoreFact]
    public async Task Unknown_ids_are_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/articles/0000000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/api/articles/0000000000000000")).StatusCode);
    }

    [StoreFact]
    public async Task Article_text_cannot_inject_markup_or_script()
    {
        var doc = await site.Page($"/articles/{HostileId}");
        var body = doc.QuerySelector(".article-body")!;
        Assert.Empty(body.QuerySelectorAll("script, img, iframe"));
        Assert.Empty(doc.QuerySelectorAll("script:not([src])"));
        Assert.All(body.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on")));
        Assert.All(body.QuerySelectorAll("a"), a => Assert.DoesNotContain("javascript", a.GetAttribute("href") ?? ""));
        Assert.Contains(body.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org/ok");
        Assert.Contains("<script>alert('x')</script>", body.TextContent + doc.QuerySelector("h1")!.TextContent);
        Assert.Empty(body.QuerySelectorAll("h1"));
    }
}

public sealed class ArticlesTestsOnSqlite(ArticlesTests.HostileSite site) : ArticlesTests(site), IClassFixture<ArticlesTests.HostileSite>;

[OnPostgres]
public sealed class ArticlesTestsOnPostgres(ArticlesTests.HostileSiteOnPostgres site) : ArticlesTests(site), IClassFixture<ArticlesTests.HostileSiteOnPostgres>;
