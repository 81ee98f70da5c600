using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsCorpus.Storage;

namespace NewsCorpus.Tests.Support;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}

/// <summary>
/// The site over a throw-away copy of the seeds, served by Kestrel on a free loopback port, and one headless
/// Chromium for every browser test.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

    readonly TestCorpus corpus = new();
    KestrelFactory? factory;
    IPlaywright? playwright;
    IBrowser? browser;
    string? axeSource;

    public string BaseUrl { get; private set; } = "";

    public static string RepositoryRoot =>
        CorpusPaths.FindRepositoryRoot() ?? throw new InvalidOperationException("repository root not found");

    /// <summary>Where screenshots go: a test artefact, git-ignored with the rest of TestResults/.</summary>
    public static string ScreenshotFolder => Path.Combine(RepositoryRoot, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        // Nothing to start when every test will be skipped; under CI a missing Chromium is an error, said plainly.
        if (BrowserRequirements.SkipReason(needsAxe: false) is not null) return;
        if (!File.Exists(BrowserRequirements.ChromiumPath))
            throw new InvalidOperationException($"CI=true but Chromium is missing at {BrowserRequirements.ChromiumPath}: .ci/run should have installed it");

        factory = new KestrelFactory(corpus);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no address");
        BaseUrl = addresses.Addresses.Single().TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserRequirements.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh tab (own cookies and storage) that records console errors and uncaught exceptions; the locale sets Accept-Language.</summary>
    public async Task<BrowserTab> NewTab(ColorScheme colorScheme = ColorScheme.Light, int width = 1280, int height = 900, string locale = "fr-FR")
    {
        var context = await (browser ?? throw new InvalidOperationException("browser not started")).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ColorScheme = colorScheme,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        return new BrowserTab(context, await context.NewPageAsync());
    }

    /// <summary>axe-core as installed by npm (npm ci in tests/NewsCorpus.Tests/axe), read from disk: nothing is fetched at run time.</summary>
    public string AxeSource => axeSource ??= File.Exists(BrowserRequirements.AxeScript)
        ? File.ReadAllText(BrowserRequirements.AxeScript)
        : throw new FileNotFoundException($"axe-core missing: run npm ci --prefix {BrowserRequirements.AxeFolder}", BrowserRequirements.AxeScript);

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        factory?.Dispose();
        corpus.Dispose();
    }

    sealed class KestrelFactory(TestCorpus corpus) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder
            .UseSetting("Corpus:Database", corpus.Database)
            .UseSetting("Corpus:Articles", corpus.Articles);
    }
}

/// <summary>One page in its own browser context, with what went wrong in its console.</summary>
public sealed class BrowserTab : IAsyncDisposable
{
    readonly IBrowserContext context;
    readonly List<string> errors = [];

    public IPage Page { get; }
    public IReadOnlyList<string> Errors => errors;

    public BrowserTab(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{page.Url}: {message.Text} ({message.Location})"); };
        page.PageError += (_, error) => errors.Add($"{page.Url}: uncaught {error}");
    }

    public async Task<IResponse> Open(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"no response for {path}");
        return response;
    }

    public Task Screenshot(string name)
    {
        Directory.CreateDirectory(BrowserSite.ScreenshotFolder);
        return Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public void ForgetErrors() => errors.Clear();

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}
