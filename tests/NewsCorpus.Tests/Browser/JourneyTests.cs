using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NewsCorpus.Tests.Support;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Browser;

/// <summary>What a reader does, in a real browser: by mouse, by keyboard only, and on a phone-sized screen.</summary>
[Collection(BrowserCollection.Name)]
public class JourneyTests(BrowserSite site)
{
    [BrowserFact]
    public async Task Home_to_month_to_article_to_country_to_filtered_search_to_export()
    {
        await using var tab = await site.NewTab();
        var page = tab.Page;
        await tab.Open("/");

        await page.Locator(".histogram svg a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/timeline/2023-10$"));

        await page.Locator(".result h2 a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/articles/{Seed000}$"));
        await Assertions.Expect(page.Locator("h1")).Not.ToBeEmptyAsync();

        await page.Locator("article .meta a.chip[href='/countries/ml']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/countries/ml$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mali");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rechercher dans les articles citant Mali" }).ClickAsync();
        await Assertions.Expect(page.Locator("#country")).ToHaveValueAsync("ml");
        await page.Locator("#q").FillAsync("Rosatom");
        await page.Locator("#q").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Rosatom&country=ml"));
        await Assertions.Expect(page.Locator(".total")).ToContainTextAsync("1 article(s)");
        await Assertions.Expect(page.Locator(".result h2 a")).ToHaveAttributeAsync("href", $"/articles/{Seed004}");

        // The page's CSV export carries its state: the same single article, as a download.
        var export = page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).First;
        var href = await export.GetAttributeAsync("href");
        Assert.StartsWith("/export/search.csv?q=Rosatom&country=ml", href);
        var download = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, download.Status);
        var lines = (await download.TextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(Seed004, lines[1]);

        Assert.True(tab.Errors.Count == 0, "console errors:\n" + string.Join("\n", tab.Errors));
    }

    [BrowserFact]
    public async Task Keyboard_alone_reaches_a_search_result_with_focus_always_visible()
    {
        await using var tab = await site.NewTab();
        var page = tab.Page;
        await tab.Open("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        await AssertFocusIsVisible(page);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("contenu", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.Keyboard.PressAsync("/");
        Assert.Equal("q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("Rosatom");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Rosatom$"));

        // Tab through the header and the search form to the first result, each stop visibly focused.
        for (var presses = 0; !await page.EvaluateAsync<bool>("document.activeElement.matches('.result h2 a')"); presses++)
        {
            Assert.True(presses < 40, "no search result reached after 40 presses of Tab");
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusIsVisible(page);
        }
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/articles/{Seed004}$"));
        Assert.True(tab.Errors.Count == 0, "console errors:\n" + string.Join("\n", tab.Errors));
    }

    [BrowserFact]
    public async Task Main_pages_fit_a_360_pixel_wide_screen_without_horizontal_scrolling()
    {
        await using var tab = await site.NewTab(width: 360, height: 740);
        string[] paths =
        [
            "/", "/timeline", "/timeline/2023-10", $"/articles/{Seed000}", "/countries", "/countries/ml",
            "/entities", "/entities/rosatom", "/search?q=Russie", "/search/help",
        ];
        var tooWide = new List<string>();
        foreach (var path in paths)
        {
            await tab.Open(path);
            var width = await tab.Page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
            if (width > 362) tooWide.Add($"{path}: {width}px, " + await tab.Page.EvaluateAsync<string>(ElementsPastTheRightEdge));
        }
        await tab.Open("/search?q=Russie");
        await tab.Screenshot("search-results-360px");
        await tab.Open($"/articles/{Seed000}");
        await tab.Screenshot("article-360px");
        Assert.Empty(tooWide);
    }

    const string ElementsPastTheRightEdge = """
        [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > 362).slice(0, 6)
          .map(e => `${e.tagName.toLowerCase()}.${e.className} ends at ${Math.round(e.getBoundingClientRect().right)}px`).join(', ')
        """;

    static async Task AssertFocusIsVisible(IPage page)
    {
        var outline = await page.EvaluateAsync<string>(
            "(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; })()");
        var described = await page.EvaluateAsync<string>("document.activeElement.outerHTML.slice(0, 120)");
        Assert.False(outline.StartsWith("none") || outline.EndsWith(" 0px"), $"no visible focus outline ({outline}) on {described}");
    }
}
