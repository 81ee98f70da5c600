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

    [Fact]
    public void A_json_lines_file_imports_alone_and_its_bad_records_are_named_with_exit_code_1()
    {
        var path = corpus.Write("export.jsonl", """
            {"id": "a", "date": "2023-10-05", "source": "RFI", "text": "Bamako signe un accord avec Moscou."}
            {"id": "b", "date": "2023-10-05", "text": ""}
            """);
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = ImportCommand.Run(new FileInfo(path), corpus.Database, output, errors);
        Assert.Equal(1, code);
        Assert.Contains("rejected: export.jsonl:2: no text: every record needs a non-empty 'text'", output.ToString());
        Assert.Contains("imported 1, updated 0, unchanged 0, removed 0, duplicates 0, rejected 1", output.ToString());
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public void A_file_of_unknown_extension_needs_format_and_a_folder_takes_none()
    {
        var path = corpus.Write("export.json", """{"date": "2023-10", "text": "Bamako signe."}""" + "\n");
        var errors = new StringWriter();
        Assert.Equal(2, ImportCommand.Run(new FileInfo(path), corpus.Database, new StringWriter(), errors));
        Assert.Contains("give --format txt, jsonl or csv", errors.ToString());
        Assert.Equal(2, ImportCommand.Run(new DirectoryInfo(corpus.Articles), corpus.Database, new StringWriter(), new StringWriter(), format: NewsCorpus.Articles.ArticleFormat.Csv));
        Assert.False(File.Exists(corpus.Database));
        Assert.Equal(0, ImportCommand.Run(new FileInfo(path), corpus.Database, new StringWriter(), new StringWriter(), format: NewsCorpus.Articles.ArticleFormat.JsonLines));
        Assert.Equal(1, corpus.Scalar<int>("SELECT count(*) FROM articles"));
    }

    [Fact]
    public void An_index_adds_its_metadata_and_a_missing_one_is_bad_usage()
    {
        var index = Path.Combine(corpus.Root, "index.csv");
        var errors = new StringWriter();
        Assert.Equal(2, ImportCommand.Run(new DirectoryInfo(corpus.Articles), corpus.Database, new StringWriter(), errors, indexPath: index));
        Assert.Contains("index not found", errors.ToString());
        File.WriteAllText(index, "file,day,source\n000_cd73a028ba1b9d44.txt,2023-10-05,Le Faso\n");
        Assert.Equal(0, ImportCommand.Run(new DirectoryInfo(corpus.Articles), corpus.Database, new StringWriter(), new StringWriter(), indexPath: index));
        Assert.Equal("5|Le Faso", corpus.Scalar<string>("SELECT day || '|' || source FROM articles WHERE day IS NOT NULL"));
    }

    public void Dispose()
    {
        if (database is not null) PostgresServer.DropDatabase(database);
        corpus.Dispose();
    }
}
