using System.Data.Common;
using NewsCorpus.Storage;
using NewsCorpus.Storage.Postgres;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>
/// Brings the store up to date with the article folder before the site serves. Unchanged files are skipped by
/// size and time, so a start with nothing new costs one directory listing. With PostgreSQL the import runs in
/// the SQLite working store and what changed is then published to PostgreSQL.
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
            CheckVersion(options, logger);
            return;
        }
        try
        {
            var index = options.ArticlesIndexPath;
            if (index is not null && !File.Exists(index))
            {
                logger.LogWarning("Article index {Index} not found: importing without it", index);
                index = null;
            }
            new CorpusImporter(options.DatabasePath, logger, options.EntityAliasesPath) { IndexPath = index }.Import(folder);
            if (options.Provider == CorpusProvider.Postgres)
            {
                new PostgresPublisher(options.ConnectionString!, logger).Publish(options.DatabasePath);
                CheckSearchIndexes(options, logger);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException)
        {
            logger.LogError(e, "Import of {Folder} failed: serving the previous corpus", folder);
        }
    }

    // A store without RUM indexes works, with the plan that scores every match: said once here.
    static void CheckSearchIndexes(CorpusOptions options, ILogger logger)
    {
        using var connection = PostgresPublisher.Open(options.ConnectionString!);
        if (PostgresSchema.SearchIndexes(connection)?.Rum != true)
            logger.LogWarning("The PostgreSQL store's search indexes are GIN, not RUM (published without --rum, or the rum extension was missing): ranked searches score every match with ts_rank, slow for common words on a large corpus. The README says how to have RUM, and why it is not the default");
    }

    static void CheckVersion(CorpusOptions options, ILogger logger)
    {
        try
        {
            var (found, expected) = options.SchemaVersion();
            if (found == expected)
            {
                if (options.Provider == CorpusProvider.Postgres) CheckSearchIndexes(options, logger);
                return;
            }
            if (options.Provider == CorpusProvider.Postgres)
                logger.LogError("The PostgreSQL store has schema version {Found}, this site needs {Expected}: import the articles (the CLI's import command with --provider postgres)",
                    found, expected);
            else
                logger.LogError("The store {Database} has schema version {Found}, this site needs {Expected}: import the articles again (the CLI's import command)",
                    options.DatabasePath, found, expected);
        }
        catch (DbException e)
        {
            logger.LogError(e, "The store cannot be reached");
        }
    }
}
