using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NewsCorpus.Articles;
using NewsCorpus.Tests.Support;
using NewsCorpus.Web.Pages.Shared;
using static NewsCorpus.Tests.Support.TestCorpus;

namespace NewsCorpus.Tests.Pages;

/// <summary>French by default, English on request (Accept-Language, or the header link, remembered in a cookie).</summary>
public class LanguageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    static async Task<IHtmlDocument> Get(HttpClient client, string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null) request.Headers.Add("Accept-Language", acceptLanguage);
        var response = await client.SendAsync(request);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US,en;q=0.9,fr;q=0.5")]
    public async Task Accept_Language_en_gets_the_english_interface(string acceptLanguage)
    {
        var doc = await Get(site.Client(), "/", acceptLanguage);
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("The corpus", doc.QuerySelector("#stats")!.TextContent);
        Assert.Equal("Countries followed", doc.QuerySelector("#focus")!.TextContent);
        Assert.Contains("Timeline", doc.QuerySelectorAll("nav a").Select(a => a.TextContent));
        var stats = doc.QuerySelector(".stats")!.TextContent;
        Assert.Contains("from October 2023 to November 2023", stats);
        Assert.DoesNotContain("novembre", stats);
        Assert.Equal("e.g. Rosatom, “centrale nucléaire”, formation militaire", doc.QuerySelector("#q")!.GetAttribute("placeholder"));
        // Corpus data is never translated: the titles and the country names stay as the corpus has them.
        Assert.Equal(["Mali", "Burkina Faso", "Russie"], doc.QuerySelectorAll(".card-title").Select(c => c.TextContent));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("fr")]
    [InlineData("fr-FR,fr;q=0.9")]
    [InlineData("de-DE,de;q=0.9")]
    public async Task No_header_french_or_an_unsupported_language_gets_french(string? acceptLanguage)
    {
        var doc = await Get(site.Client(), "/", acceptLanguage);
        Assert.Equal("fr", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Le corpus", doc.QuerySelector("#stats")!.TextContent);
        Assert.Contains("de octobre 2023 à novembre 2023", doc.QuerySelector(".stats")!.TextContent);
    }

    [Fact]
    public async Task English_search_results_and_month_page()
    {
        var client = site.Client();
        var search = await Get(client, "/search?q=Rosatom", "en");
        Assert.Equal("Search", search.QuerySelector("h1")!.TextContent);
        Assert.Equal("1 article(s)", search.QuerySelector(".total")!.TextContent);
        Assert.Equal("November 2023", search.QuerySelector(".result .date")!.TextContent);
        Assert.Contains("Export all results:", search.QuerySelector(".exports")!.TextContent);
        Assert.Equal("Word forms found", search.QuerySelector(".facets h2")!.TextContent);
        Assert.Equal("help", search.QuerySelector("#q-help a")!.TextContent);

        var month = await Get(client, "/timeline/2023-11", "en");
        Assert.StartsWith("November 2023", month.QuerySelector("h1")!.TextContent);
        Assert.Equal("← October 2023", month.QuerySelector("a[rel=prev]")!.TextContent);
    }

    [Fact]
    public async Task Search_notices_are_translated_and_keep_the_readers_words()
    {
        var doc = await Get(site.Client(), "/search?q=-Rosatom", "en");
        Assert.StartsWith("The search only excludes", doc.QuerySelector(".notice")!.TextContent);
        doc = await Get(site.Client(), "/search?q=Russie+pays:mali", "en");
        Assert.Contains("Filter not understood and ignored: pays:mali", doc.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task Help_api_docs_and_error_pages_are_translated()
    {
        var client = site.Client();
        var help = await Get(client, "/search/help", "en");
        Assert.Equal("Search help", help.QuerySelector("h1")!.TextContent);
        Assert.Equal("You type", help.QuerySelector("th")!.TextContent);
        var docs = await Get(client, "/api-docs", "en");
        Assert.Equal("JSON API", docs.QuerySelector("#api")!.TextContent);
        Assert.Equal("Aide à la recherche", (await Get(client, "/search/help")).QuerySelector("h1")!.TextContent);

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/no/such/page") { Headers = { { "Accept-Language", "en" } } });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var notFound = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", notFound.QuerySelector("h1")!.TextContent);
        // From an error page, the switch comes back to the address that failed, not to /Error.
        Assert.Equal("/language/fr?returnUrl=%2Fno%2Fsuch%2Fpage", notFound.QuerySelector("a.language")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_header_link_leads_to_the_other_language_and_back_to_this_page()
    {
        var french = await Get(site.Client(), "/search?q=Russie&country=ml");
        var link = french.QuerySelector("header a.language")!;
        Assert.Equal("English", link.TextContent);
        Assert.Equal("en", link.GetAttribute("lang"));
        Assert.Equal("/language/en?returnUrl=%2Fsearch%3Fq%3DRussie%26country%3Dml", link.GetAttribute("href"));

        var english = await Get(site.Client(), "/", "en");
        Assert.Equal("Français", english.QuerySelector("header a.language")!.TextContent);
        Assert.Equal("/language/fr?returnUrl=%2F", english.QuerySelector("header a.language")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_switch_sets_the_culture_cookie_and_later_requests_follow_it()
    {
        var client = site.Client(followRedirects: false);
        var response = await client.GetAsync("/language/en?returnUrl=%2Fsearch%3Fq%3DRussie");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/search?q=Russie", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den;", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        // The same client sends the cookie back; no Accept-Language, and the cookie even beats a French one.
        Assert.Equal("en", (await Get(client, "/search?q=Russie")).DocumentElement.GetAttribute("lang"));
        Assert.Equal("Timeline", (await Get(client, "/timeline", "fr")).QuerySelector("h1")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/language/fr?returnUrl=%2Ftimeline")).StatusCode);
        Assert.Equal("Chronologie", (await Get(client, "/timeline", "en")).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task The_switch_only_goes_back_to_a_local_address(string returnUrl)
    {
        var response = await site.Client(followRedirects: false).GetAsync("/language/en?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_language_is_not_found_and_sets_no_cookie()
    {
        var response = await site.Client(followRedirects: false).GetAsync("/language/de?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Urls_do_not_depend_on_the_language()
    {
        var french = await Get(site.Client(), "/search?q=Russie");
        var english = await Get(site.Client(), "/search?q=Russie", "en");
        static List<string?> Links(IHtmlDocument doc) =>
            doc.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/articles/{Seed004}", Links(english));
        Assert.Equal(Links(french), Links(english));
    }

    [Fact]
    public void Months_and_numbers_follow_the_culture()
    {
        var november = new YearMonth(2023, 11);
        Assert.Equal("novembre 2023", november.ToDisplay(CultureInfo.GetCultureInfo("fr")));
        Assert.Equal("November 2023", november.ToDisplay(CultureInfo.GetCultureInfo("en")));
        Assert.Equal("novembre 2023", november.ToDisplay(System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));

        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("12,345", Display.Number(12345));
            Assert.Equal("November 2023", Display.Month("2023-11"));
            // Estimates keep two significant digits, rounded half away from zero.
            Assert.Equal(["780,000", "23,000", "96", "150", "1,000,000"],
                new long[] { 781_184, 23_040, 96, 149, 995_000 }.Select(Display.Estimate));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr");
            Assert.Equal("780\u202F000", Display.Estimate(781_184));
            Assert.Equal("12\u202F345", Display.Number(12345));
            Assert.Equal("novembre 2023", Display.Month("2023-11"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>
    /// Every text the pages pass to the localizer (T["…"] or T.GetString("…") in views, text["…"] in code) has its English in
    /// UiText.en.resx, and the file holds no text that is no longer used.
    /// </summary>
    [Fact]
    public void Every_interface_text_has_an_english_translation()
    {
        var web = Path.Combine(BrowserSite.RepositoryRoot, "src", "NewsCorpus.Web");
        var key = new Regex(@"\b(?:T|text)(?:\[|\.GetString\()""((?:[^""\\]|\\.)*)""");
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml") || f.EndsWith(".cs")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => key.Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet();
        var translated = XDocument.Load(Path.Combine(web, "Resources", "UiText.en.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(translated.Keys).Order());
        Assert.Empty(translated.Keys.Except(used).Order());
        // Resource names differing only in case would collide: one of the two would show untranslated.
        Assert.Equal(translated.Count, translated.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // A placeholder lost in translation would drop a number or a name from the page.
        foreach (var (french, english) in translated)
            Assert.True(Placeholders(french).SetEquals(Placeholders(english)), $"placeholders differ: {french} → {english}");
        // Translations are written as HTML, also inside attributes (placeholder, title): a straight quote would end the attribute.
        Assert.Empty(translated.Where(t => t.Value.Count(c => c == '"') > t.Key.Count(c => c == '"')).Select(t => t.Value));
    }

    static HashSet<string> Placeholders(string text) => Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).ToHashSet();
}
