using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;
using NewsCorpus.Articles;
using NewsCorpus.Entities;

namespace NewsCorpus.Storage;

/// <summary>
/// Reads, parses and analyses the import's files on other threads while the writer writes, at most
/// <see cref="Capacity"/> files ahead of it so memory stays bounded, and hands them over in folder order. A thread
/// of its own walks the files and judges which steps each needs from the store as last committed (read through a
/// connection of its own); the reading and analysis run as thread-pool tasks, at most one a core at a time (the
/// pool would otherwise add threads that only take turns with the writer), so they take whatever core the writer
/// leaves. The writer decides for itself and takes any step still missing, so a wrong guess costs time,
/// never a different result; analysis is a pure function of the file, so the order of the work does not matter.
/// </summary>
internal sealed class ReadAhead : IDisposable
{
    public const int Capacity = 64;

    readonly ArticleFolder folder;
    readonly string databasePath;
    readonly YearMonth latestAllowed;
    readonly EntityExtractor extractor;
    readonly BlockingCollection<Task<PreparedFile>> ready = new(new ConcurrentQueue<Task<PreparedFile>>(), Capacity);
    readonly CancellationTokenSource stop;
    readonly TaskScheduler analysis = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Environment.ProcessorCount).ConcurrentScheduler;
    readonly Thread thread;
    Exception? failure;

    public ReadAhead(ArticleFolder folder, string databasePath, YearMonth latestAllowed, EntityExtractor extractor, CancellationToken cancel)
    {
        this.folder = folder;
        this.databasePath = databasePath;
        this.latestAllowed = latestAllowed;
        this.extractor = extractor;
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        thread = new Thread(Run) { IsBackground = true, Name = "import read-ahead" };
        thread.Start();
    }

    /// <summary>The files in folder order, as they become ready.</summary>
    public IEnumerable<PreparedFile> Files()
    {
        foreach (var file in ready.GetConsumingEnumerable(stop.Token)) yield return file.Result;
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }

    void Run()
    {
        try
        {
            using var connection = new SqliteConnection(CorpusSchema.ConnectionString(databasePath, SqliteOpenMode.ReadOnly));
            connection.Open();
            using var stored = connection.CreateCommand();
            stored.CommandText = """
                SELECT file_size, file_ticks, file_hash FROM articles WHERE source_path = $p
                UNION ALL SELECT file_size, file_ticks, file_hash FROM duplicate_files WHERE source_path = $p
                UNION ALL SELECT file_size, file_ticks, NULL FROM rejected_files WHERE source_path = $p
                """;
            var path = stored.Parameters.Add("$p", SqliteType.Text);
            foreach (var entry in folder.Entries)
            {
                path.Value = folder.PathOf(entry);
                var file = Inspect(entry, stored, out var storedHash);
                var prepared = file.Needs == Step.Read ? Task.Factory.StartNew(() => ReadAndAnalyse(entry, file.File, storedHash), CancellationToken.None, TaskCreationOptions.None, analysis) : Task.FromResult(file.File);
                try { ready.Add(prepared, stop.Token); }
                catch (OperationCanceledException) { prepared.Wait(); throw; }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception e) { failure = e; }   // handed to the writer: an import must not end quietly short of its files
        finally { ready.CompleteAdding(); }
    }

    enum Step { None, Read }

    /// <summary>What the file system and the committed store say: whether the writer will need the file's content.</summary>
    (PreparedFile File, Step Needs) Inspect(FolderEntry entry, SqliteCommand stored, out string? storedHash)
    {
        storedHash = null;
        var file = new PreparedFile(folder.PathOf(entry), entry) { Format = folder.FormatOf(entry), Overlay = folder.IndexRowOf(entry) };
        try
        {
            // A JSON Lines or CSV file is read by the writer, record by record.
            if (file.IsDirectory || file.IsLink || file.Format != ArticleFormat.Text) return (file, Step.None);
            bool known = false;
            long size = 0, ticks = 0;
            using (var reader = stored.ExecuteReader())
                if (reader.Read())
                    (known, size, ticks, storedHash) = (true, reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            if (known && size == file.Size && ticks == file.Ticks) return (file, Step.None);   // unchanged: nothing to read
            return (file, file.Size > CorpusImporter.MaxFileBytes ? Step.None : Step.Read);
        }
        catch (Exception)
        {
            // Whatever failed here fails again on the writer, at the point where an import without read-ahead fails.
            return (file, Step.None);
        }
    }

    /// <summary>Reads the file and, unless the store holds these very bytes, parses and analyses it.</summary>
    PreparedFile ReadAndAnalyse(FolderEntry entry, PreparedFile file, string? storedHash)
    {
        try
        {
            if (file.ReadError is null && file.FileHash != storedHash) file.Parse(latestAllowed, extractor);
            return file;
        }
        catch (Exception)
        {
            return new PreparedFile(folder.PathOf(entry), entry) { Format = folder.FormatOf(entry), Overlay = folder.IndexRowOf(entry) };   // as in Inspect: the writer meets the failure again
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        // No analysis may outlive the import that asked for it.
        foreach (var file in ready.ToArray()) file.Wait();
        ready.Dispose();
        stop.Dispose();
    }
}
