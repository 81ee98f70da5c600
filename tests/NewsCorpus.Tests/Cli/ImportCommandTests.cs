using NewsCorpus.Cli;
using NewsCorpus.Tests.Support;
using Npgsql;

namespace NewsCorpus.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    readonly TestCorpus corpus = new();
    string? database;

    (int Code, string Output, string Errors) Run(string? postgres)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = ImportCommand.Run(new DirectoryInfo(corpus.Articles), corpus.Database, output, errors, postgres: postgres);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_bad_usage_and_imports_nothing()
    {
        var (code, _, errors) = Run(postgres: "");
        Assert.Equal(2, code);
        Assert.Contains("--connection", errors);
        Assert.False(File.Exists(corpus.Database));
    }

    [Fact]
    public void An_unreachable_server_fails_the_command_but_keeps_the_working_store()
    {
        var (code, _, errors) = Run("Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3");
        Assert.Equal(2, code);
        Assert.Contains("publishing to PostgreSQL failed, nothing was changed there", errors);
        Assert.Equal(2, corpus.Scalar<int>("SELECT count(*) FROM articles"));
    }

    [PostgresFact]
    public void Imports_into_postgres_and_a_second_run_writes_nothing()
    {
        database = PostgresServer.CreateDatabase();
        var first = Run(database);
        Assert.Equal(0, first.Code);
        Assert.Contains("postgres: written 2, removed 0", first.Output);
        var second = Run(database);
        Assert.Equal(0, second.Code);
        Assert.Contains("postgres: written 0, removed 0, moved between clusters 0, per-corpus tables unchanged", second.Output);
        using var pg = new NpgsqlConnection(database);
        pg.Open();
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM articles", pg);
        Assert.Equal(2L, cmd.ExecuteScalar());
    }

    public void Dispose()
    {
        if (database is not null) PostgresServer.DropDatabase(database);
        corpus.Dispose();
    }
}
