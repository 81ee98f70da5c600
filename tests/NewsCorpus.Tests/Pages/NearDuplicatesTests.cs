using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

public abstract class NearDuplicatesTests(SiteFixture site)
{
    public const string EditedCopy = "00000000000000d1";

    public sealed class SiteOnPostgres : Site { protected override bool OnPostgres => true; }

    /// <summary>The seeds plus a re-publication of 004 with its first sentence rewritten, the same month.</summary>
    public class Site : SiteFixture
    {
        protected override void AddArticles(TestCorpus corpus)
        {
            var original = File.ReadAllText(Path.Combine(corpus.Articles, "004_85765fc0af500544.txt"));
            var edited = original.Replace("Le rapprochement entre la Russie et le Mali est un exemple éloquent",
                "Selon notre correspondant, le rapprochement russo-malien illustre de manière frappante");
            Assert.NotEqual(original, edited);
            corpus.Write($"005_{EditedCopy}.txt", edited);
        }
    }

    [StoreFact]
    public void The_copy_is_found_at_import_and_both_form_one_cluster()
    {
        var similarity = site.Scalar<double>($"""
            SELECT n.similarity FROM near_duplicates n JOIN articles a ON a.article_key = n.article_key
            JOIN articles b ON b.article_key = n.other_key WHERE a.id = '{Seed004}' AND b.id = '{EditedCopy}'
            """);
        Assert.InRange(similarity, 0.8, 0.999);
        Assert.Equal(2, site.Scalar<int>($"SELECT cluster_size FROM articles WHERE id = '{EditedCopy}'"));
        Assert.Equal(0, site.Scalar<int>($"SELECT count(*) FROM near_duplicates n JOIN articles a ON a.article_key = n.article_key WHERE a.id = '{Seed000}'"));
    }

    [StoreFact]
    public async Task The_article_page_lists_its_other_version_with_the_similarity()
    {
        var doc = await site.Page($"/articles/{Seed004}");
        var version = Assert.Single(doc.QuerySelectorAll("#versions + ul li"));
        Assert.Equal($"/articles/{EditedCopy}", version.QuerySelector("a")!.GetAttribute("href"));
        Assert.Matches(@"similarité (8\d|9\d) %", version.TextContent);
    }

    [StoreFact]
    public async Task The_month_folds_the_cluster_into_one_row_and_can_show_all()
    {
        var folded = await site.Page("/timeline/2023-11");
        var row = Assert.Single(folded.QuerySelectorAll(".result"));
        Assert.Equal($"/articles/{Seed004}", row.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("2 versions", row.QuerySelector(".versions-badge")!.TextContent);
        var all = await site.Page("/timeline/2023-11?versions=all");
        Assert.Equal(2, all.QuerySelectorAll(".result").Length);
    }

    [StoreTheory]
    [InlineData("/countries/ml", new[] { Seed000, Seed004 })]
    [InlineData("/countries/ml?versions=all", new[] { Seed000, Seed004, EditedCopy })]
    [InlineData("/countries/ml?month=2023-11", new[] { Seed004 })]
    [InlineData("/countries/ml?month=2023-11&versions=all", new[] { Seed004, EditedCopy })]
    public async Task A_country_page_shows_the_earliest_version_of_a_cluster_unless_asked_for_all(string path, string[] ids)
    {
        var page = await site.Page(path);
        var shown = page.QuerySelectorAll(".result h2 a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal);
        Assert.Equal(ids.Select(id => $"/articles/{id}").Order(StringComparer.Ordinal), shown);
    }

    [StoreFact]
    public async Task Similar_articles_leave_out_the_article_and_its_versions()
    {
        var doc = await site.Page($"/articles/{Seed000}");
        var similar = doc.QuerySelectorAll("#similar + ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/articles/{Seed004}", similar);
        Assert.DoesNotContain($"/articles/{Seed000}", similar);
        var fromOriginal = (await site.Page($"/articles/{Seed004}")).QuerySelectorAll("#similar + ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain($"/articles/{EditedCopy}", fromOriginal);
        Assert.Contains($"/articles/{Seed000}", fromOriginal);
    }
}

public sealed class NearDuplicatesTestsOnSqlite(NearDuplicatesTests.Site site) : NearDuplicatesTests(site), IClassFixture<NearDuplicatesTests.Site>;

[OnPostgres]
public sealed class NearDuplicatesTestsOnPostgres(NearDuplicatesTests.SiteOnPostgres site) : NearDuplicatesTests(site), IClassFixture<NearDuplicatesTests.SiteOnPostgres>;
