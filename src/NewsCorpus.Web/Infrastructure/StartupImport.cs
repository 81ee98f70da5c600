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
        if (folder is null || !Directory.Exists(folder))
        {
            // Without its articles the store cannot be rebuilt, so it is never emptied here, whatever its version.
            if (folder is not null) logger.LogWarning("Article folder {Folder} not found: serving the store as it is", folder);
            var version = CorpusSchema.StoredVersion(options.DatabasePath);
            if (version != CorpusSchema.Version)
                logger.LogError("The store {Database} has schema version {Found}, this site needs {Expected}: import the articles again (the CLI's import command)",
                    options.DatabasePath, version, CorpusSchema.Version);
            return;
        }
        try
        {
            new CorpusImporter(options.DatabasePath, logger, options.EntityAliasesPath).Import(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogError(e, "Import of {Folder} failed: serving the previous corpus", folder);
        }
    }
}
