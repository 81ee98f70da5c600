using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Pages;

/// <summary>The article page over the boilerplate test articles (Data/boilerplate: Wikinews contributors, CC BY 2.5).</summary>
public abstract class BoilerplatePageTests(SiteFixture site)
{
    public sealed class SiteOnPostgres : Site { protected override bool OnPostgres => true; }

    public class Site() : SiteFixture(withSeeds: false)
    {
        protected override void AddArticles(TestCorpus corpus)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "boilerplate"), "*.txt"))
                File.Copy(file, Path.Combine(corpus.Articles, Path.GetFileName(file)));
        }
    }

    [StoreFact]
    public async Task A_boilerplate_paragraph_is_folded_out_of_the_text_into_a_closed_disclosure()
    {
        var doc = await site.Page("/articles/eb05acf716bca080");
        var text = doc.QuerySelector(".article-body")!.TextContent;
        Assert.Contains("Noyal-sur-Vilaine", text);
        Assert.DoesNotContain("infolettre", text);
        var repeated = Assert.Single(doc.QuerySelectorAll("details.boilerplate"));
        Assert.Null(repeated.GetAttribute("open"));
        Assert.Equal("Texte répété dans 6 articles", repeated.QuerySelector("summary")!.TextContent);
        Assert.Contains("infolettre", repeated.TextContent);
    }

    [StoreFact]
    public async Task A_paragraph_under_the_threshold_is_shown_as_content()
    {
        var doc = await site.Page("/articles/25247b6e750e6519");
        Assert.Contains("Nous resterons vigilants", doc.QuerySelector(".article-body")!.TextContent);
        Assert.Empty(doc.QuerySelectorAll("details.boilerplate"));
    }
}

public sealed class BoilerplatePageTestsOnSqlite(BoilerplatePageTests.Site site) : BoilerplatePageTests(site), IClassFixture<BoilerplatePageTests.Site>;

[OnPostgres]
public sealed class BoilerplatePageTestsOnPostgres(BoilerplatePageTests.SiteOnPostgres site) : BoilerplatePageTests(site), IClassFixture<BoilerplatePageTests.SiteOnPostgres>;
