using Microsoft.Playwright;
using NewsCorpus.Tests.Support;
using Xunit.Abstractions;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserSite site, ITestOutputHelper output)
{
    /// <summary>One address per page type; the name is the screenshot's file name.</summary>
    public static TheoryData<string, string> PageTypes => new()
    {
        { "home", "/" },
        { "timeline", "/timeline" },
        { "month", "/timeline/2023-10" },
        { "article", $"/articles/{Seed000}" },
        { "countries", "/countries" },
        { "country", "/countries/ml" },
        { "entities", "/entities" },
        { "entity", "/entities/rosatom" },
        { "search-results", "/search?q=Russie" },
        { "search-help", "/search/help" },
        { "trends", "/trends?q=Russie&q=Rosatom" },
        { "api-docs", "/api-docs" },
        { "concordance", "/concordance?q=formation" },
        { "not-found", "/no-such-page" },
    };

    [AxeTheory]
    [MemberData(nameof(PageTypes))]
    public async Task Page_has_no_serious_or_critical_axe_violations_nor_console_errors(string name, string path)
    {
        await using var tab = await site.NewTab();
        var response = await tab.Open(path);
        Assert.Equal(name == "not-found" ? 404 : 200, response.Status);
        await tab.Screenshot(name);

        var violations = await Axe.Check(tab.Page, site.AxeSource);
        foreach (var v in violations) output.WriteLine(v.ToString());
        Assert.Empty(violations.Where(v => v.IsSeriousOrCritical).Select(v => v.ToString()).ToList());
        var errors = ExpectedErrorsRemoved(tab.Errors, name).ToList();
        Assert.True(errors.Count == 0, "console errors:\n" + string.Join("\n", errors));
    }

    [AxeTheory]
    [InlineData("home-dark", "/")]
    [InlineData("search-results-dark", "/search?q=Russie")]
    [InlineData("article-dark", $"/articles/{Seed004}")]
    public async Task Dark_mode_has_no_serious_or_critical_axe_violations(string name, string path)
    {
        await using var tab = await site.NewTab(ColorScheme.Dark);
        await tab.Open(path);
        Assert.True(await tab.Page.EvaluateAsync<bool>("matchMedia('(prefers-color-scheme: dark)').matches"));
        await tab.Screenshot(name);

        var violations = await Axe.Check(tab.Page, site.AxeSource);
        foreach (var v in violations) output.WriteLine(v.ToString());
        Assert.Empty(violations.Where(v => v.IsSeriousOrCritical).Select(v => v.ToString()).ToList());
    }

    [AxeTheory]
    [InlineData("home-en", "/")]
    [InlineData("search-results-en", "/search?q=Russie")]
    public async Task English_pages_have_no_serious_or_critical_axe_violations(string name, string path)
    {
        await using var tab = await site.NewTab(locale: "en-GB");
        await tab.Open(path);
        Assert.Equal("en", await tab.Page.GetAttributeAsync("html", "lang"));
        await tab.Screenshot(name);

        var violations = await Axe.Check(tab.Page, site.AxeSource);
        foreach (var v in violations) output.WriteLine(v.ToString());
        Assert.Empty(violations.Where(v => v.IsSeriousOrCritical).Select(v => v.ToString()).ToList());
        Assert.True(tab.Errors.Count == 0, "console errors:\n" + string.Join("\n", tab.Errors));
    }

    // The 404 page's own status is logged by Chromium as a failed resource load: that is the page working.
    static IEnumerable<string> ExpectedErrorsRemoved(IReadOnlyList<string> errors, string name) =>
        name == "not-found" ? errors.Where(e => !e.Contains("status of 404")) : errors;
}
