using NewsCorpus.Storage;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>
/// Brings the store up to date with the article folder before the site serves. Unchanged files are skipped by
/// size and time, so a start with nothing new costs one directory listing.
/// </summary>
public static class StartupImport
{
    public static void Run(CorpusOptions options, ILogger logger)
    {
        var folder = options.ArticlesPath;
        using (var connection = CorpusSchema.OpenForWriting(options.DatabasePath))
            CorpusSchema.Ensure(connection);
        if (folder is null) return;
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Article folder {Folder} not found: serving the store as it is", folder);
            return;
        }
        try
        {
            new CorpusImporter(options.DatabasePath, logger).Import(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogError(e, "Import of {Folder} failed: serving the previous corpus", folder);
        }
    }
}
