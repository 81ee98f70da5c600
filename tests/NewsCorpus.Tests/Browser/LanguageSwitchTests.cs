using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class LanguageSwitchTests(BrowserSite site)
{
    [BrowserFact]
    public async Task The_header_link_switches_to_english_on_the_same_page_and_the_choice_is_remembered()
    {
        await using var tab = await site.NewTab();
        var page = tab.Page;
        await tab.Open("/search?q=Rosatom");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Recherche");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Rosatom$"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Search");
        await Assertions.Expect(page.Locator(".result .date")).ToHaveTextAsync("November 2023");

        // The browser still asks for French (its locale is fr-FR); the cookie wins, on any page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Timeline", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Timeline");

        await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/timeline$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Chronologie");
        Assert.True(tab.Errors.Count == 0, "console errors:\n" + string.Join("\n", tab.Errors));
    }
}
