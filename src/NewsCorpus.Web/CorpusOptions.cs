using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Storage;
using Npgsql;

namespace NewsCorpus.Web;

public enum CorpusProvider { Sqlite, Postgres }

/// <summary>The `Corpus` configuration section: which store, where it is and which folder to import on start.</summary>
public sealed class CorpusOptions
{
    /// <summary>Sqlite (the default, one file) or Postgres (ConnectionStrings:Corpus).</summary>
    public CorpusProvider Provider { get; set; }

    /// <summary>PostgreSQL connection string (`ConnectionStrings:Corpus`), with Provider=Postgres.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite file; empty means data/newscorpus.db under the repository. With PostgreSQL, the importer's working store.</summary>
    public string? Database { get; set; }

    /// <summary>Folder imported on start; empty means seeds/ under the repository. "none" disables the import.</summary>
    public string? Articles { get; set; }

    /// <summary>A CSV or TSV index adding metadata (day, title, source, url, author) to the article files; empty for none.</summary>
    public string? ArticlesIndex { get; set; }

    public string? ArticlesIndexPath => string.IsNullOrWhiteSpace(ArticlesIndex) ? null : Path.GetFullPath(ArticlesIndex);

    /// <summary>An entity alias file applied on top of the built-in one; empty for none.</summary>
    public string? EntityAliases { get; set; }

    /// <summary>The home page's title; empty: NewsCorpus.</summary>
    public string? Title { get; set; }

    /// <summary>The home page's description of the corpus, shown as written; empty: the seeds' description, translated.</summary>
    public string? Description { get; set; }

    /// <summary>The countries the home page follows, ISO codes separated by commas ("ml,bf,ru", the default); "none" for none.</summary>
    public string? FollowedCountries { get; set; }

    public static readonly IReadOnlyList<string> DefaultFollowedCountries = ["ml", "bf", "ru"];

    /// <summary>The followed countries' codes, lower case, valid ones only, in the order given.</summary>
    public IReadOnlyList<string> FollowedCountryCodes => FollowedCountries?.Trim() switch
    {
        null or "" => DefaultFollowedCountries,
        "none" => [],
        var list => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToLowerInvariant()).Where(c => c.Length == 2 && c.All(char.IsAsciiLetterLower)).Distinct().ToList(),
    };

    public string? EntityAliasesPath => string.IsNullOrWhiteSpace(EntityAliases) ? null : Path.GetFullPath(EntityAliases);

    public string DatabasePath => string.IsNullOrWhiteSpace(Database) ? CorpusPaths.DefaultDatabase : Path.GetFullPath(Database);

    public string? ArticlesPath => Articles switch
    {
        null or "" => CorpusPaths.DefaultArticles,
        "none" => null,
        var folder => Path.GetFullPath(folder),
    };

    public static CorpusOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Corpus").Get<CorpusOptions>() ?? new CorpusOptions();
        options.ConnectionString ??= configuration.GetConnectionString("Corpus");
        if (options.Provider == CorpusProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException("Corpus:Provider is Postgres but ConnectionStrings:Corpus is empty: give it as --ConnectionStrings:Corpus=\"Host=…;Database=…;Username=…\"");
        return options;
    }

    /// <summary>The schema version the store has (0 when it has none) and the one this release needs; throws when the store cannot be reached.</summary>
    public (int Found, int Expected) SchemaVersion()
    {
        if (Provider != CorpusProvider.Postgres) return (CorpusSchema.StoredVersion(DatabasePath), CorpusSchema.Version);
        using var connection = NewsCorpus.Storage.Postgres.PostgresPublisher.Open(ConnectionString!);
        return (NewsCorpus.Storage.Postgres.PostgresSchema.StoredVersion(connection), NewsCorpus.Storage.Postgres.PostgresSchema.Version);
    }

    /// <summary>The site reads only: SQLite opens the file read-only, PostgreSQL sessions default to read-only transactions.</summary>
    public DbContextOptionsBuilder UseStore(DbContextOptionsBuilder builder) => Provider switch
    {
        CorpusProvider.Postgres => builder.UseNpgsql(ReadOnly(ConnectionString!)),
        _ => builder.UseSqlite(CorpusSchema.ConnectionString(DatabasePath, SqliteOpenMode.ReadOnly)).AddInterceptors(SmallPageCache.Instance),
    };

    /// <summary>
    /// SQLite gives each connection a 2 MB page cache, and under load the pool holds dozens of connections: their
    /// caches were the largest part of the site's memory. The file's pages stay in the OS cache either way.
    /// </summary>
    sealed class SmallPageCache : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public static readonly SmallPageCache Instance = new();

        public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA cache_size = -512";
            cmd.ExecuteNonQuery();
        }

        public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            ConnectionOpened(connection, eventData);
            return Task.CompletedTask;
        }
    }

    static string ReadOnly(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = ("-c default_transaction_read_only=on " + builder.Options).Trim();
        return builder.ConnectionString;
    }
}
