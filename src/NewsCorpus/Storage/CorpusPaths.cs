namespace NewsCorpus.Storage;

/// <summary>
/// Default locations, found from the repository root so that `dotnet run`, the tests and the CLI agree
/// whatever the working directory is.
/// </summary>
public static class CorpusPaths
{
    public const string SolutionFile = "NewsCorpus.sln";

    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                    return dir.FullName;
        }
        return null;
    }

    static string Root => FindRepositoryRoot() ?? Directory.GetCurrentDirectory();

    public static string DefaultDatabase => Path.Combine(Root, "data", "newscorpus.db");

    public static string DefaultArticles => Path.Combine(Root, "seeds");
}
