namespace NewsCorpus.Tests.Support;

/// <summary>
/// What the browser tests need from the machine: Debian's Chromium, and axe-core installed by npm. Without them a
/// developer's run skips the tests with the reason; under CI (CI=true) they never skip, they fail, so a missing
/// install cannot pass unseen.
/// </summary>
public static class BrowserRequirements
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static string AxeFolder =>
        Path.Combine(BrowserSite.RepositoryRoot, "tests", "NewsCorpus.Tests", "axe");

    public static string AxeScript => Path.Combine(AxeFolder, "node_modules", "axe-core", "axe.min.js");

    static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    public static string? SkipReason(bool needsAxe)
    {
        if (InCi) return null;
        if (!File.Exists(ChromiumPath)) return $"Chromium is not installed at {ChromiumPath} (apt-get install chromium)";
        if (needsAxe && !File.Exists(AxeScript)) return $"axe-core is not installed (npm ci --prefix {AxeFolder})";
        return null;
    }
}

/// <summary>A test that drives Chromium.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = BrowserRequirements.SkipReason(needsAxe: false);
}

/// <summary>A test that drives Chromium and runs axe-core in its pages.</summary>
public sealed class AxeTheoryAttribute : TheoryAttribute
{
    public AxeTheoryAttribute() => Skip = BrowserRequirements.SkipReason(needsAxe: true);
}
