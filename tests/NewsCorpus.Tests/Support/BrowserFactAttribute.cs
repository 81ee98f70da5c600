namespace NewsCorpus.Tests.Support;

/// <summary>
/// Where the browser tests find Chromium, and whether they can run. Without Chromium a developer's run skips
/// them with the reason; under CI (CI=true) they run anyway and fail, so a missing install cannot pass unseen.
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static string? SkipReason =>
        File.Exists(Path) || Environment.GetEnvironmentVariable("CI") == "true"
            ? null
            : $"Chromium is not installed at {Path} (apt-get install chromium); browser tests skipped";
}

public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Chromium.SkipReason;
}

public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = Chromium.SkipReason;
}
