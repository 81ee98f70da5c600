using System.Text;
using Microsoft.Data.Sqlite;
using NewsCorpus.Storage;

namespace NewsCorpus.Tests.Support;

/// <summary>A throw-away article folder and store: the repository's seeds plus any files a test writes.</summary>
public sealed class TestCorpus : IDisposable
{
    public const string Seed000 = "cd73a028ba1b9d44";
    public const string Seed004 = "85765fc0af500544";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "newscorpus-tests", Guid.NewGuid().ToString("N"));
    public string Articles => Path.Combine(Root, "articles");
    public string Database => Path.Combine(Root, "store", "corpus.db");

    public TestCorpus(bool withSeeds = true)
    {
        Directory.CreateDirectory(Articles);
        if (!withSeeds) return;
        foreach (var file in Directory.GetFiles(SeedsFolder, "*.txt"))
            File.Copy(file, Path.Combine(Articles, Path.GetFileName(file)));
    }

    public static string SeedsFolder =>
        Path.Combine(CorpusPaths.FindRepositoryRoot() ?? throw new InvalidOperationException("repository root not found"), "seeds");

    public string Write(string fileName, string content) => WriteBytes(fileName, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string fileName, byte[] content)
    {
        var path = Path.Combine(Articles, fileName);
        File.WriteAllBytes(path, content);
        // Distinct times so a rewrite within the same clock tick is still seen as a change.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(Interlocked.Increment(ref tick)));
        return path;
    }

    static long tick;

    public ImportReport Import() => new CorpusImporter(Database).Import(Articles);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(CorpusSchema.ConnectionString(Database, SqliteOpenMode.ReadWrite));
        connection.Open();
        return connection;
    }

    public T Scalar<T>(string sql)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T));
    }

    /// <summary>The articles the full-text index holds.</summary>
    public int Indexed()
    {
        using var connection = Open();
        return IndexProbe.Documents(connection);
    }

    /// <summary>The articles the full-text index holds with this exact (folded) word.</summary>
    public int IndexedWith(string folded)
    {
        using var connection = Open();
        return IndexProbe.WithWord(connection, folded);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
