using System.Text.Json;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Pages;

/// <summary>
/// One order of articles everywhere: month, running number (articles without one first), id; newest first reverses
/// months and numbers. Checked on a month mixing numbered and unnumbered files.
/// </summary>
public abstract class OrderTests(SiteFixture site)
{
    public sealed class SiteOnPostgres : Site { protected override bool OnPostgres => true; }

    public class Site : SiteFixture
    {
        protected override void AddArticles(TestCorpus corpus)
        {
            corpus.Write("010_a000000000000010.txt", "date 2024-02\n\nLe Mali reçoit dix camions de vivres à Gao, annonce le gouverneur.\n");
            corpus.Write("002_a000000000000002.txt", "date 2024-02\n\nÀ Bamako, au Mali, le marché central rouvre après deux semaines de travaux.\n");
            corpus.Write("sans-numero-1.txt", "date 2024-02\n\nLe Mali signe un accord minier avec une société canadienne pour l'or de Sadiola.\n");
            corpus.Write("sans-numero-2.txt", "date 2024-02\n\nUne école de musique ouvre ses portes à Ségou, au Mali, avec trois cents élèves.\n");
        }
    }

    async Task<List<string>> Ids(string jsonLinesUrl) =>
        (await site.Client().GetStringAsync(jsonLinesUrl)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList();

    async Task<List<string>> ReadingOrder()
    {
        var ids = await Ids("/export/timeline/2024-02.jsonl");
        Assert.Equal(4, ids.Count);
        return ids;
    }

    [StoreFact]
    public async Task A_month_lists_unnumbered_articles_first_then_by_number()
    {
        var ids = await ReadingOrder();
        Assert.Equal(["a000000000000002", "a000000000000010"], ids[2..]);
        Assert.True(string.CompareOrdinal(ids[0], ids[1]) < 0, "unnumbered articles are in id order");
        var page = await site.Page("/timeline/2024-02");
        Assert.Equal(ids, page.QuerySelectorAll(".results h2 a").Select(a => a.GetAttribute("href")!["/articles/".Length..]));
    }

    [StoreFact]
    public async Task Previous_and_next_walk_the_month_in_its_order()
    {
        var ids = await ReadingOrder();
        var walked = new List<string> { ids[0] };
        while (walked.Count < ids.Count)
        {
            var page = await site.Page($"/articles/{walked[^1]}");
            walked.Add(page.QuerySelector(".article-nav a[rel=next]")!.GetAttribute("href")!["/articles/".Length..]);
        }
        Assert.Equal(ids, walked);
        var last = await site.Page($"/articles/{ids[^1]}");
        Assert.Equal($"/articles/{ids[^2]}", last.QuerySelector(".article-nav a[rel=prev]")!.GetAttribute("href"));
    }

    [StoreFact]
    public async Task Newest_first_lists_reverse_the_numbers_everywhere()
    {
        var ids = await ReadingOrder();
        List<string> newest = [ids[3], ids[2], ids[0], ids[1]];   // numbers descending, then the unnumbered in id order
        Assert.Equal(newest, await Ids("/export/countries/ml.jsonl?month=2024-02"));
        Assert.Equal(newest, await Ids("/export/search.jsonl?country=ml&from=2024-02&to=2024-02&sort=newest"));
        Assert.Equal(ids, await Ids("/export/search.jsonl?country=ml&from=2024-02&to=2024-02&sort=oldest"));
        var api = JsonDocument.Parse(await site.Client().GetStringAsync("/api/countries/ml")).RootElement;
        Assert.Equal(newest, api.GetProperty("latest").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).Take(4));
        var country = await site.Page("/countries/ml?month=2024-02");
        Assert.Equal(newest, country.QuerySelectorAll(".results h2 a").Select(a => a.GetAttribute("href")!["/articles/".Length..]));
    }
}

public sealed class OrderTestsOnSqlite(OrderTests.Site site) : OrderTests(site), IClassFixture<OrderTests.Site>;

[OnPostgres]
public sealed class OrderTestsOnPostgres(OrderTests.SiteOnPostgres site) : OrderTests(site), IClassFixture<OrderTests.SiteOnPostgres>;
