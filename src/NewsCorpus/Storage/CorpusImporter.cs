using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsCorpus.Analysis;
using NewsCorpus.Articles;
using NewsCorpus.Countries;
using NewsCorpus.Entities;
using NewsCorpus.Search;

namespace NewsCorpus.Storage;

/// <summary>
/// Brings a store in line with a folder of article files, in one transaction: new files are added, changed
/// ones replaced, vanished ones removed, unchanged ones (same size and time, or same bytes) skipped. A crash
/// or a kill part-way leaves the previous corpus as it was.
/// </summary>
public sealed class CorpusImporter(string databasePath, ILogger? logger = null, string? aliasesPath = null)
{
    /// <summary>A news article is a few kilobytes; a file ten megabytes long is something else, and reading it costs memory.</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    readonly ILogger logger = logger ?? NullLogger.Instance;

    /// <summary>A CSV or TSV index adding metadata to the folder's article files (see <see cref="ArticleIndex"/>); null for none.</summary>
    public string? IndexPath { get; init; }

    /// <summary>For tests: runs between the index commit and the store commit, where a kill leaves the two apart.</summary>
    internal Action? BeforeStoreCommit { get; init; }

    /// <summary>Whether files are read and analysed on other threads while the store is written (see <see cref="Storage.ReadAhead"/>).</summary>
    internal bool ReadAhead { get; init; } = true;

    /// <summary>
    /// Imports a folder (its *.txt article files, *.jsonl / *.ndjson and *.csv exports), or one file of it: then only
    /// that file's articles are brought in line, and it is read in <paramref name="format"/> when given.
    /// </summary>
    public ImportReport Import(string folder, IProgress<ImportProgress>? progress = null, CancellationToken cancel = default, ArticleFormat? format = null)
    {
        var clock = Stopwatch.StartNew();
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root) && !File.Exists(root)) throw new DirectoryNotFoundException($"Article folder not found: {root}");
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;

        using var connection = CorpusSchema.OpenForWriting(databasePath);
        if (CorpusSchema.Ensure(connection))
        {
            logger.LogInformation("Created the store {Database} (schema version {Version})", databasePath, CorpusSchema.Version);
            // The index of the store that was there went with it.
            if (Directory.Exists(FullTextIndex.FolderOf(databasePath))) Directory.Delete(FullTextIndex.FolderOf(databasePath), recursive: true);
        }

        // The import touches index pages all over a growing file (ids, hashes and band keys are random), and with
        // SQLite's default 2 MB page cache most of those touches went back to the file. The connection returns to the
        // pool afterwards, where a reader may take it, so it gets its previous cache size back.
        var previousCacheSize = Convert.ToInt64(CorpusSchema.Scalar(connection, "PRAGMA cache_size"));
        CorpusSchema.Execute(connection, $"PRAGMA cache_size = -{ImportCacheKib}");
        try { return Import(connection, root, prefix, format, progress, cancel, clock); }
        finally { CorpusSchema.Execute(connection, $"PRAGMA cache_size = {previousCacheSize}"); }
    }

    /// <summary>
    /// SQLite's page cache during an import, in KiB: room for the index pages an import keeps touching (the pages it
    /// misses come from the OS's cache). It is counted in the importer's peak, at the end of the reading, when
    /// everything else the import holds is largest, so it is kept small: a larger cache did not make imports faster
    /// (docs/benchmarks.md, "The site's memory").
    /// </summary>
    const int ImportCacheKib = 16 * 1024;

    /// <summary>SQLite's page cache, in KiB, while the import's largest sorts run: what they may sort in memory.</summary>
    const int SortCacheKib = 8 * 1024;

    ImportReport Import(SqliteConnection connection, string root, string prefix, ArticleFormat? format, IProgress<ImportProgress>? progress, CancellationToken cancel, Stopwatch clock)
    {
        var folder = ArticleFolder.List(root, format);
        bool wholeFolder = folder.SingleFile is null;
        if (!wholeFolder) prefix = root;
        var index = IndexPath is null ? null : ArticleIndex.Read(IndexPath);
        folder.Index = index;
        var files = folder.Entries;
        var (aliases, aliasesText, aliasWarnings) = LoadAliases();
        using var tx = connection.BeginTransaction(deferred: false);
        using var fullText = FullTextWriter.Open(databasePath, connection, tx);
        if (fullText.Rebuilt) logger.LogInformation("Built the full-text index {Folder} from the store", FullTextIndex.FolderOf(databasePath));
        var extractor = new EntityExtractor(aliases);
        using var run = new ImportRun(connection, tx, prefix, extractor, fullText) { FileCount = files.Count };
        run.Warnings.AddRange(aliasWarnings);
        if (index is not null)
        {
            run.Warnings.AddRange(index.Errors.Select(e => new FileWarning(index.Name, e.Reason, e.Line)));
            if (wholeFolder)
                foreach (var name in index.FileNames.Where(n => !folder.Contains(folder.Prefix + n)))
                    run.Warnings.Add(new FileWarning(index.Name, $"{name} is not in the folder", index.Find(name)!.Line));
        }

        int removed = run.RemoveVanished(prefix, folder.Keeps);
        // Copies whose original went away are read again after the folder's files, in the order they were freed;
        // a freed record is read again with its file's other records (the unchanged ones are skipped).
        int fileCount = files.Count;
        var freedQueue = new Queue<string>();
        var freedRecordFiles = new List<PreparedFile>();
        int done = 0;
        void Freed(List<string> paths)
        {
            foreach (var freed in paths)
            {
                int hash = freed.LastIndexOf('#');
                if (hash > 0 && !File.Exists(freed) && File.Exists(freed[..hash]))
                {
                    var container = freed[..hash];
                    if (!freedRecordFiles.Any(f => f.Path == container))
                        freedRecordFiles.Add(new PreparedFile(new FileInfo(container)) { Format = format ?? ArticleFormats.FromFileName(container) ?? ArticleFormat.Text });
                }
                else freedQueue.Enqueue(freed);   // read again below, with its index row
            }
        }
        void ImportOne(PreparedFile file)
        {
            if (file.Format == ArticleFormat.Text) Freed(run.ImportFile(file));
            else
            {
                var (_, recordsRemoved) = run.ImportRecords(file, force: false, Freed,
                    records => progress?.Report(new ImportProgress(done, fileCount, file.Name, records)));
                removed += recordsRemoved;
            }
            progress?.Report(new ImportProgress(++done, fileCount, file.Name));
        }
        if (ReadAhead)
        {
            using var readAhead = new ReadAhead(folder, databasePath, run.LatestAllowed, extractor, cancel);
            foreach (var file in readAhead.Files())
            {
                cancel.ThrowIfCancellationRequested();
                ImportOne(file);
            }
        }
        else
            foreach (var entry in files)
            {
                cancel.ThrowIfCancellationRequested();
                ImportOne(new PreparedFile(folder.PathOf(entry), entry) { Format = folder.FormatOf(entry), Overlay = folder.IndexRowOf(entry) });
            }
        while (freedQueue.Count > 0 || freedRecordFiles.Count > 0)
        {
            cancel.ThrowIfCancellationRequested();
            if (freedQueue.Count > 0)
            {
                var path = freedQueue.Dequeue();
                bool text = (format ?? ArticleFormats.FromFileName(path) ?? ArticleFormat.Text) == ArticleFormat.Text;
                Freed(run.ImportFile(new PreparedFile(new FileInfo(path)) { Overlay = text ? index?.Find(Path.GetFileName(path)) : null }));
                continue;
            }
            var container = freedRecordFiles[0];
            freedRecordFiles.RemoveAt(0);
            removed += run.ImportRecords(container, force: true, Freed, null).Removed;
        }
        // The folder's listing (about 50 bytes a file) and the near-duplicate band filter served the reading only; what
        // follows reads the whole corpus back and needs memory of its own, so they are let go before it (at a million
        // files they are 80 MB).
        (folder, files) = (null!, null!);
        run.FilesRead();
        var fingerprint = EntityIndex.AliasesFingerprint(aliasesText);
        if (run.Changed || removed > 0 || run.GetMeta("aliases") != fingerprint)
        {
            int entities = EntityIndex.Rebuild(connection, tx, aliases);
            run.SetMeta("aliases", fingerprint);
            var clustersBefore = run.Clusters();
            int alikeByRepeats = run.RemovePairsAlikeByRepeatedParagraphs();
            int clusters = NearDuplicateIndex.RebuildClusters(connection, tx);
            var (boilerplateChanged, rewritten) = run.UpdateBoilerplate(clustersBefore);
            // The country statistics group joins of every article's countries and entities (some thirty rows an article),
            // and SQLite sorts them in memory up to the page cache's size, on top of the cache: with the import's cache
            // that was the import's peak (43 MB more at 100,000 articles). With a small one they go through temporary
            // files, in the same time.
            CorpusSchema.Execute(connection, $"PRAGMA cache_size = -{SortCacheKib}", tx);
            CountryStats.Rebuild(connection, tx);
            CorpusSchema.Execute(connection, $"PRAGMA cache_size = -{ImportCacheKib}", tx);
            logger.LogInformation("Resolved {Entities} entities; {Clusters} clusters of near-duplicates ({AlikeByRepeats} pairs alike only by repeated paragraphs left out); {Boilerplate} paragraphs became or stopped being boilerplate, {Rewritten} articles' search text rewritten",
                entities, clusters, alikeByRepeats, boilerplateChanged, rewritten);
        }
        // After the boilerplate: the vocabulary counts the words search finds, and rewritten articles change them.
        run.FlushWords();
        run.SetMeta("imported_at", DateTime.UtcNow.ToString("O"));
        if (wholeFolder) run.SetMeta("articles_folder", root);
        // The index first, then the store that names it: killed in between, the store still names the previous commit,
        // which the index keeps.
        run.SetMeta(FullTextIndex.GenerationMeta, fullText.NextGeneration.ToString(System.Globalization.CultureInfo.InvariantCulture));
        fullText.Commit();
        BeforeStoreCommit?.Invoke();
        tx.Commit();

        var report = new ImportReport(run.Imported, run.Updated, run.Unchanged, removed, run.Duplicates, run.Rejected, run.Warnings, clock.Elapsed);
        foreach (var error in report.Rejected) logger.LogWarning("Rejected {File}:{Line}: {Reason}", error.FileName, error.Line, error.Reason);
        foreach (var warning in report.Warnings) logger.LogWarning("Imported {File} with a warning: {Warning}", warning.FileName, warning.Message);
        foreach (var dup in report.Duplicates) logger.LogInformation("Duplicate {File} is a copy of {OriginalId}", dup.FileName, dup.OriginalId);
        logger.LogInformation(
            "Imported {Imported} articles, updated {Updated}, unchanged {Unchanged}, removed {Removed}, duplicates {Duplicates}, rejected {Rejected} in {Seconds:F2}s ({Rate:F0} articles/s)",
            report.Imported, report.Updated, report.Unchanged, report.Removed, report.Duplicates.Count, report.Rejected.Count,
            report.Elapsed.TotalSeconds, report.ArticlesPerSecond);
        return report;
    }

    (EntityAliases Aliases, string? Text, List<FileWarning> Warnings) LoadAliases()
    {
        if (aliasesPath is null) return (EntityAliases.Default, null, []);
        if (!File.Exists(aliasesPath))
            return (EntityAliases.Default, null, [new FileWarning(Path.GetFileName(aliasesPath), "alias file not found: using the built-in aliases only")]);
        var text = File.ReadAllText(aliasesPath);
        var user = EntityAliases.Parse(new StringReader(text), Path.GetFileName(aliasesPath));
        var warnings = user.Errors.Select(e => new FileWarning(Path.GetFileName(aliasesPath), e)).ToList();
        return (EntityAliases.Default.CombineWith(user), text, warnings);
    }

    /// <summary>One import's open transaction, its prepared statements and its tallies.</summary>
    sealed class ImportRun(SqliteConnection connection, SqliteTransaction tx, string prefix, EntityExtractor extractor, FullTextWriter fullText) : IDisposable
    {
        readonly Statements statements = new(connection, tx);
        BoilerplateIndex? boilerplate;
        BoilerplateIndex Boilerplate => boilerplate ??= new BoilerplateIndex(statements, words, fullText);

        public Dictionary<long, long> Clusters() => BoilerplateIndex.Clusters(statements);

        public int RemovePairsAlikeByRepeatedParagraphs() => NearDuplicateIndex.RemovePairsAlikeByRepeatedParagraphs(statements);

        public (int Changed, int Rewritten) UpdateBoilerplate(Dictionary<long, long> clustersBefore) =>
            Boilerplate.Update(clustersBefore, BoilerplateIndex.Clusters(statements));
        public void Dispose()
        {
            statements.Dispose();
            words.Dispose();
        }
        public int Imported, Updated, Unchanged;
        public bool Changed => Imported + Updated > 0 || removedArticles > 0;
        int removedArticles;
        public readonly List<DuplicateReport> Duplicates = [];
        public readonly List<ParseError> Rejected = [];
        public readonly List<FileWarning> Warnings = [];
        readonly WordCounts words = new();
        public readonly YearMonth LatestAllowed = YearMonth.FromDate(DateTime.UtcNow);

        enum Kind { Article, Duplicate, Rejected }
        sealed record Stored(Kind Kind, long Size, long Ticks, string? FileHash, string Detail, int Line)
        {
            public string Name { get; init; } = "";
        }

        /// <summary>Paths of duplicate files whose original went away or changed: they must be read again.</summary>
        public List<string> ImportFile(PreparedFile file)
        {
            var freed = new List<string>();
            var path = file.Path;
            var stored = FindStored(path);

            if (file.IsDirectory) { Reject(stored, path, file.Name, file.Line, 0, 0, "is a directory, not an article file"); return freed; }
            if (file.IsLink) { Reject(stored, path, file.Name, file.Line, 0, 0, "is a symbolic link (links are not followed)"); return freed; }
            long size = file.Size, ticks = file.Ticks;
            if (stored is not null && stored.Size == size && stored.Ticks == ticks) { CountUnchanged(stored); return freed; }
            if (size > MaxFileBytes) { Reject(stored, path, file.Name, file.Line, size, ticks, $"file is too large ({size / 1024 / 1024} MB; the limit is {MaxFileBytes / 1024 / 1024} MB)"); return freed; }

            if (file.ReadError is { } readError)
            {
                Reject(stored, path, file.Name, file.Line, size, ticks, $"cannot be read: {readError}");
                return freed;
            }
            var fileHash = file.FileHash!;
            if (stored is not null && stored.FileHash == fileHash)
            {
                Exec("UPDATE articles SET file_size = $s, file_ticks = $t WHERE source_path = $p; UPDATE duplicate_files SET file_size = $s, file_ticks = $t WHERE source_path = $p; UPDATE rejected_files SET file_size = $s, file_ticks = $t WHERE source_path = $p",
                    ("$s", size), ("$t", ticks), ("$p", path));
                CountUnchanged(stored);
                return freed;
            }

            var (result, analysis) = file.Parse(LatestAllowed, extractor);
            if (result.Error is { } error) { Reject(stored, path, file.Name, error.Line, size, ticks, error.Reason, error); return freed; }
            var article = result.Article!;

            var existing = ScalarString("SELECT source_path FROM articles WHERE id = $id", ("$id", article.Id));
            var original = ScalarString("SELECT id FROM articles WHERE body_hash = $h AND source_path <> $p ORDER BY article_key LIMIT 1",
                ("$h", analysis!.BodyHash), ("$p", path));
            if (original is not null)
            {
                RemoveStored(stored, path, freed);
                Exec("INSERT INTO duplicate_files (source_path, file_name, id, original_id, file_hash, file_size, file_ticks) VALUES ($p, $f, $id, $o, $h, $s, $t)",
                    ("$p", path), ("$f", file.DisplayName), ("$id", article.Id), ("$o", original), ("$h", fileHash), ("$s", size), ("$t", ticks));
                Duplicates.Add(new DuplicateReport(file.DisplayName, article.Id, original));
                return freed;
            }
            if (existing is not null && existing != path)
            {
                Reject(stored, path, file.Name, file.Line, size, ticks, $"id {article.Id} is already used by {Path.GetFileName(existing)}");
                return freed;
            }

            bool wasArticle = stored?.Kind == Kind.Article;
            RemoveStored(stored, path, freed);
            InsertArticle(article, analysis, path, fileHash, size, ticks);
            foreach (var w in article.Warnings) Warnings.Add(new FileWarning(file.Name, w.Message, w.Line > 0 ? w.Line : file.Line));
            if (wasArticle) Updated++; else Imported++;
            return freed;
        }

        /// <summary>
        /// Imports the records of a JSON Lines or CSV file, each as an article file of its own whose path is the file's
        /// and the record's key (its article id, or its line when it has none): an unchanged record is skipped, a
        /// changed one replaced, a record gone from the file removed. A file unchanged since its last import (same size
        /// and time) is not read again. Returns the records read and the articles removed;
        /// <paramref name="progress"/> hears the number of records read every hundred.
        /// </summary>
        public (int Records, int Removed) ImportRecords(PreparedFile file, bool force, Action<List<string>> freed, Action<int>? progress)
        {
            var path = file.Path;
            var recordsOf = path + "#";
            var metaKey = "records:" + path;
            StreamReader? reader = null;
            string? problem = file.IsDirectory ? "is a directory, not an article file"
                : file.IsLink ? "is a symbolic link (links are not followed)"
                : file.Size > MaxRecordFileBytes ? $"file is too large ({file.Size / 1024 / 1024} MB; the limit is {MaxRecordFileBytes / 1024 / 1024} MB)"
                : null;
            var stamp = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file.Size}:{file.Ticks}");
            if (problem is null && !force && GetMeta(metaKey) == stamp) return (CountUnchangedUnder(recordsOf), 0);
            if (problem is null)
            {
                try { reader = new StreamReader(file.Path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problem = $"cannot be read: {e.Message}"; }
            }
            if (problem is not null)
            {
                Exec("DELETE FROM meta WHERE key = $k", ("$k", metaKey));
                int gone = RemoveVanished(recordsOf, _ => false, freed);
                bool sized = !file.IsDirectory && !file.IsLink;
                Reject(FindStored(path), path, file.Name, 0, sized ? file.Size : 0, sized ? file.Ticks : 0, problem);
                return (0, gone);
            }
            if (FindStored(path) is { Kind: Kind.Rejected }) Exec("DELETE FROM rejected_files WHERE source_path = $p", ("$p", path));

            var present = new HashSet<string>(StringComparer.Ordinal);
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            int records = 0;
            bool wasQuiet = quiet;
            quiet = force;   // a file read again for a freed copy: what was unchanged was counted the first time
            try
            {
                foreach (var raw in RecordReader.Read(reader!, file.Format))
                {
                    records++;
                    if (records % 100 == 0) progress?.Invoke(records);
                    string key;
                    Func<YearMonth, ParseResult> parse;
                    if (raw.Error is { } error)
                        (key, parse) = ($"L{raw.Line}", _ => ParseResult.Fail(file.Name, raw.Line, error));
                    else
                    {
                        var id = ArticleParser.RecordId(raw.Record!, file.Name);
                        if (ids.TryGetValue(id, out var earlier))
                            (key, parse) = ($"L{raw.Line}", _ => ParseResult.Fail(file.Name, raw.Line, $"id {id} is already used by the record of line {earlier}"));
                        else
                        {
                            ids[id] = raw.Line;
                            (key, parse) = (id, latest => ArticleParser.FromRecord(file.Name, raw.Line, raw.Record!, latest));
                        }
                    }
                    var recordPath = recordsOf + key;
                    present.Add(recordPath);
                    freed(ImportFile(PreparedFile.ForRecord(recordPath, file.Name, raw.Line, file.Ticks, raw.Raw, parse)));
                }
            }
            finally
            {
                quiet = wasQuiet;
                reader!.Dispose();
            }
            int removed = RemoveVanished(recordsOf, present.Contains, freed);
            SetMeta(metaKey, stamp);
            return (records, removed);
        }

        /// <summary>A JSON Lines or CSV export is read as a stream, a record at a time, so it may be large.</summary>
        const long MaxRecordFileBytes = 4L * 1024 * 1024 * 1024;

        bool quiet;

        /// <summary>Counts as unchanged every record stored under a prefix; returns how many there are.</summary>
        int CountUnchangedUnder(string recordsOf)
        {
            var rows = new List<Stored>();
            using (var cmd = Command("""
                SELECT 0, file_size, file_ticks, file_hash, id, 0, file_name FROM articles WHERE substr(source_path, 1, length($r)) = $r
                UNION ALL SELECT 1, file_size, file_ticks, file_hash, original_id, 0, file_name || char(0) || id FROM duplicate_files WHERE substr(source_path, 1, length($r)) = $r
                UNION ALL SELECT 2, file_size, file_ticks, NULL, reason, line, file_name FROM rejected_files WHERE substr(source_path, 1, length($r)) = $r
                ORDER BY 6, 7
                """, ("$r", recordsOf)))
            using (var reader = cmd.ExecuteReader())
                while (reader.Read())
                    rows.Add(new Stored((Kind)reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.GetString(4), reader.GetInt32(5)) { Name = reader.GetString(6) });
            foreach (var row in rows) CountUnchanged(row);
            return rows.Count;
        }

        /// <summary>
        /// Drops what the store holds under <paramref name="prefix"/> for files (or records) no longer present; returns
        /// the number of articles removed. Copies of a removed article are handed to <paramref name="freed"/>.
        /// </summary>
        public int RemoveVanished(string under, Func<string, bool> present, Action<List<string>>? freed = null)
        {
            int removed = 0;
            var freedPaths = new List<string>();
            foreach (var table in new[] { "articles", "duplicate_files", "rejected_files" })
            {
                var gone = new List<string>();
                using (var cmd = Command($"SELECT source_path FROM {table} WHERE substr(source_path, 1, length($prefix)) = $prefix", ("$prefix", under)))
                using (var reader = cmd.ExecuteReader())
                    while (reader.Read())
                        if (!present(reader.GetString(0))) gone.Add(reader.GetString(0));
                foreach (var path in gone)
                {
                    if (table == "articles") { RemoveArticle(path, freed is null ? null : freedPaths); removed++; }
                    else Exec($"DELETE FROM {table} WHERE source_path = $p", ("$p", path));
                }
            }
            if (under == prefix)
            {
                // The stamps of JSON Lines and CSV files that left the folder.
                var stamps = new List<string>();
                using (var cmd = Command("SELECT key FROM meta WHERE substr(key, 1, length($m)) = $m", ("$m", "records:" + prefix)))
                using (var reader = cmd.ExecuteReader())
                    while (reader.Read())
                        if (!present(reader.GetString(0)["records:".Length..])) stamps.Add(reader.GetString(0));
                foreach (var key in stamps) Exec("DELETE FROM meta WHERE key = $k", ("$k", key));
            }
            if (freedPaths.Count > 0) freed?.Invoke(freedPaths);
            return removed;
        }

        // The report describes the folder as it stands: a rejected file or a copy is reported again at every
        // import until it is fixed or removed, so silence never hides it.
        void CountUnchanged(Stored stored)
        {
            if (quiet) return;
            switch (stored.Kind)
            {
                case Kind.Article: Unchanged++; break;
                case Kind.Rejected: Rejected.Add(new ParseError(stored.Name, stored.Line, stored.Detail)); break;
                case Kind.Duplicate:
                    var parts = stored.Name.Split('\0');
                    Duplicates.Add(new DuplicateReport(parts[0], parts[1], stored.Detail));
                    break;
            }
        }

        Stored? FindStored(string path)
        {
            var cmd = statements.Get("""
                SELECT 0, file_size, file_ticks, file_hash, id, 0, file_name FROM articles WHERE source_path = $p
                UNION ALL SELECT 1, file_size, file_ticks, file_hash, original_id, 0, file_name || char(0) || id FROM duplicate_files WHERE source_path = $p
                UNION ALL SELECT 2, file_size, file_ticks, NULL, reason, line, file_name FROM rejected_files WHERE source_path = $p
                """, ("$p", path));
            using var reader = cmd.ExecuteReader();
            if (!reader.Read()) return null;
            return new Stored((Kind)reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5)) { Name = reader.GetString(6) };
        }

        void Reject(Stored? stored, string path, string fileName, int line, long size, long ticks, string reason, ParseError? error = null)
        {
            var freed = new List<string>();
            RemoveStored(stored, path, freed);
            Exec("INSERT INTO rejected_files (source_path, file_name, line, reason, file_size, file_ticks) VALUES ($p, $f, $l, $r, $s, $t)",
                ("$p", path), ("$f", fileName), ("$l", line), ("$r", reason), ("$s", size), ("$t", ticks));
            Rejected.Add(error ?? new ParseError(fileName, line, reason));
        }

        void RemoveStored(Stored? stored, string path, List<string> freed)
        {
            if (stored is null) return;
            switch (stored.Kind)
            {
                case Kind.Article: RemoveArticle(path, freed); break;
                case Kind.Duplicate: Exec("DELETE FROM duplicate_files WHERE source_path = $p", ("$p", path)); break;
                case Kind.Rejected: Exec("DELETE FROM rejected_files WHERE source_path = $p", ("$p", path)); break;
            }
        }

        void RemoveArticle(string path, List<string>? freed)
        {
            long key; string id, body;
            using (var reader = statements.Get("SELECT article_key, id, coalesce(search_body, body) FROM articles WHERE source_path = $p", ("$p", path)).ExecuteReader())
            {
                if (!reader.Read()) return;
                (key, id, body) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
            }
            // The stored Markdown differs from the text only by block markers, which the analyzer skips. The vocabulary
            // counts the text search finds: without boilerplate.
            words.Add(WordCounts.Tally(body), -1);
            fullText.Delete(key);
            Boilerplate.Removed(key);
            Exec("DELETE FROM articles WHERE article_key = $k", ("$k", key));
            removedArticles++;

            // Copies of this article are no longer copies of anything: read them again as articles.
            var copies = new List<string>();
            using (var reader = statements.Get("SELECT source_path FROM duplicate_files WHERE original_id = $id", ("$id", id)).ExecuteReader())
                while (reader.Read()) copies.Add(reader.GetString(0));
            freed?.AddRange(copies);
            // A copy that is a record is read again with its file, which must not then be skipped as unchanged.
            foreach (var copy in copies)
                if (copy.LastIndexOf('#') is > 0 and var hash)
                    Exec("DELETE FROM meta WHERE key = $k", ("$k", "records:" + copy[..hash]));
            Exec("DELETE FROM duplicate_files WHERE original_id = $id", ("$id", id));
        }

        void InsertArticle(ParsedArticle article, ArticleAnalysis analysis, string path, string fileHash, long size, long ticks)
        {
            // Paragraphs already known as boilerplate stay out of the index from the start; the others are settled
            // at the end of the import, once every article has been counted.
            var knownBoilerplate = Boilerplate.KnownAmong(analysis.ParagraphHashes);
            var search = knownBoilerplate.Count == 0
                ? new SearchText(null, analysis.Headings, analysis.Body)
                : SearchText.Of(article.Blocks, knownBoilerplate);
            words.Add(search.Body is null ? analysis.Words : WordCounts.Tally(search.Body), +1);
            var key = (long)ScalarObject("""
                INSERT INTO articles (id, file_name, source_path, number, month, day, source, url, author, title, lead, headings, body, search_body, boilerplate, body_hash, file_hash, file_size, file_ticks, word_count, warnings)
                VALUES ($id, $f, $p, $n, $m, $day, $source, $url, $author, $title, $lead, $headings, $body, $sb, $bp, $bh, $fh, $s, $t, $wc, $w)
                RETURNING article_key
                """,
                ("$id", article.Id), ("$f", article.FileName), ("$p", path), ("$n", article.Number), ("$m", article.Month.ToString()),
                ("$day", article.Day), ("$source", article.Source), ("$url", article.Url), ("$author", article.Author),
                ("$title", article.Title), ("$lead", article.Lead), ("$headings", article.Headings),
                ("$body", analysis.Markdown), ("$sb", search.Body), ("$bp", BoilerplateIndex.Marker(knownBoilerplate)), ("$bh", analysis.BodyHash), ("$fh", fileHash),
                ("$s", size), ("$t", ticks), ("$wc", analysis.WordCount),
                ("$w", article.Warnings.Count > 0 ? string.Join("\n", article.Warnings) : null))!;

            fullText.Add(key, analysis.Title, search.Headings, search.Index);
            Boilerplate.Added(key, analysis.ParagraphHashes);

            EntityIndex.SaveMentions(statements, key, analysis.MentionLines);
            NearDuplicateIndex.Add(statements, key, analysis.Signature, KnownBands());

            foreach (var (iso2, mentions, inLead) in analysis.Countries)
                Exec("INSERT INTO article_countries (iso2, article_key, mentions, in_lead, weight) VALUES ($c, $k, $n, $l, $w)",
                    ("$c", iso2), ("$k", key), ("$n", mentions), ("$l", inLead ? 1 : 0), ("$w", CountryMentions.Weight(mentions, inLead)));
        }

        // The filter that spares most articles the near-duplicate candidate lookup costs a scan of the stored band
        // keys, so the articles an import adds first look their bands up until there are enough of them to repay it:
        // one for every twenty stored articles.
        BandFilter? knownBands;
        long lookupsBeforeFilter = -1;
        public int FileCount { get; init; }

        BandFilter? KnownBands()
        {
            if (knownBands is not null) return knownBands;
            if (lookupsBeforeFilter < 0) lookupsBeforeFilter = StoredArticles() / 20;
            if (lookupsBeforeFilter-- > 0) return null;
            return knownBands = BandFilter.Load(statements, StoredArticles(), FileCount);
        }

        /// <summary>No file is added after this: the band filter goes (it is rebuilt if one ever is).</summary>
        public void FilesRead() => (knownBands, lookupsBeforeFilter) = (null, -1);

        long StoredArticles() => (long)ScalarObject("SELECT count(*) FROM articles")!;

        public void FlushWords()
        {
            using var upsert = Command("""
                INSERT INTO words (form, folded, stem, docs, occurrences) VALUES ($f, $x, $s, $d, $o)
                ON CONFLICT (form) DO UPDATE SET docs = docs + excluded.docs, occurrences = occurrences + excluded.occurrences
                """, ("$f", ""), ("$x", ""), ("$s", ""), ("$d", 0L), ("$o", 0L));
            foreach (var (form, delta) in words.Complete())
            {
                if (delta.Docs == 0 && delta.Occurrences == 0) continue;
                upsert.Parameters["$f"].Value = form;
                upsert.Parameters["$x"].Value = delta.Folded;
                upsert.Parameters["$s"].Value = delta.Stem;
                upsert.Parameters["$d"].Value = delta.Docs;
                upsert.Parameters["$o"].Value = delta.Occurrences;
                upsert.ExecuteNonQuery();
            }
            Exec("DELETE FROM words WHERE docs <= 0");
        }

        public string? GetMeta(string key) => ScalarString("SELECT value FROM meta WHERE key = $k", ("$k", key));

        public void SetMeta(string key, string value) =>
            Exec("INSERT INTO meta (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("$k", key), ("$v", value));

        // For the statements an import runs once (not worth keeping prepared).
        SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
        {
            var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
            return cmd;
        }

        void Exec(string sql, params (string, object?)[] parameters) => statements.Execute(sql, parameters);

        object? ScalarObject(string sql, params (string, object?)[] parameters) => statements.Scalar(sql, parameters);

        string? ScalarString(string sql, params (string, object?)[] parameters) => ScalarObject(sql, parameters) as string;
    }
}
