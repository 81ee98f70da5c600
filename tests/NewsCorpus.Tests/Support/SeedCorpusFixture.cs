using System.Data.Common;
using NewsCorpus.Search;
using NewsCorpus.Storage.Postgres;
using Npgsql;

namespace NewsCorpus.Tests.Support;

/// <summary>The seeds imported once for a test class that only reads, in SQLite.</summary>
public class SeedCorpusFixture : IDisposable
{
    public TestCorpus Corpus { get; } = new();

    public SeedCorpusFixture() => Corpus.Import();

    /// <summary>A connection to the store the searches run on.</summary>
    public virtual DbConnection Open() => Corpus.Open();

    public SearchResults Search(string? q, string? country = null, string? from = null, string? to = null, string? sort = null, int page = 1)
    {
        using var connection = Open();
        return CorpusSearch.For(connection).Search(SearchRequest.FromForm(q, country, from, to, sort, page));
    }

    public List<string> Ids(string? q, string? country = null, string? from = null, string? to = null, string? sort = null) =>
        Search(q, country, from, to, sort).Hits.Select(h => h.Id).ToList();

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public virtual void Dispose()
    {
        Corpus.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The seeds imported once and published to a PostgreSQL database of their own (created on first use).</summary>
public sealed class PostgresSeedCorpusFixture : SeedCorpusFixture
{
    string? database;

    string Database
    {
        get
        {
            if (database is not null) return database;
            database = PostgresServer.CreateDatabase();
            new PostgresPublisher(database).Publish(Corpus.Database);
            return database;
        }
    }

    public override DbConnection Open()
    {
        var connection = new NpgsqlConnection(Database);
        connection.Open();
        return connection;
    }

    public override void Dispose()
    {
        if (database is not null) PostgresServer.DropDatabase(database);
        base.Dispose();
    }
}
