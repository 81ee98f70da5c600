using System.Security.Cryptography;
using NewsCorpus.Articles;
using NewsCorpus.Entities;

namespace NewsCorpus.Storage;

/// <summary>
/// One entry of the folder as the import needs it, each step done once, when first asked for: what the file
/// system says about it, its bytes and their hash, then the parsed and analysed article. The import's reading
/// thread takes these steps ahead of the writer as far as the store's last committed state says they will be
/// needed; the writer asks for whatever it still needs, so the outcome never depends on how far that got.
/// </summary>
internal sealed class PreparedFile
{
    public string Path { get; }
    public string Name { get; }

    /// <summary>How the file holds its articles; a JSON Lines or CSV file is imported record by record.</summary>
    public ArticleFormat Format { get; init; } = ArticleFormat.Text;

    /// <summary>
    /// The row of the folder's index describing this file, if any: folded into its time and hash, so that a changed
    /// row reads the file again, and applied to the article parsed (<see cref="ArticleIndex.Apply"/>).
    /// </summary>
    public IndexRow? Overlay { get; init; }

    /// <summary>For a record of a JSON Lines or CSV file, the line it starts at; 0 for an article file.</summary>
    public int Line { get; }

    /// <summary>How reports name it: the file, or the file and the record's line.</summary>
    public string DisplayName => Line > 0 ? $"{Name}:{Line}" : Name;

    /// <summary>
    /// One record of a JSON Lines or CSV file: <paramref name="path"/> is the file's path and the record's key after
    /// '#', its size and hash those of the record's text, its time the file's.
    /// </summary>
    public static PreparedFile ForRecord(string path, string fileName, int line, long ticks, string raw, Func<YearMonth, ParseResult> parse)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(raw);
        return new PreparedFile(path, fileName, line, bytes.LongLength, ticks, Convert.ToHexStringLower(SHA256.HashData(bytes)), parse);
    }

    PreparedFile(string path, string name, int line, long size, long ticks, string hash, Func<YearMonth, ParseResult> parse)
    {
        (Path, Name, Line) = (path, name, line);
        (this.size, this.ticks, inspected) = (size, ticks, true);
        (fileHash, read, recordParser) = (hash, true, parse);
    }

    readonly Func<YearMonth, ParseResult>? recordParser;

    /// <summary>An entry as the folder's listing saw it.</summary>
    public PreparedFile(string path, FolderEntry entry)
    {
        (Path, Name) = (path, entry.Name);
        (isDirectory, isLink, size, ticks, inspected) = (entry.IsDirectory, entry.IsLink, entry.Size, entry.Ticks, true);
    }

    /// <summary>A file the listing did not give, looked at when first asked about.</summary>
    public PreparedFile(FileInfo file)
    {
        (Path, Name) = (file.FullName, file.Name);
        unlisted = file;
    }

    readonly FileInfo? unlisted;
    bool inspected;
    bool isDirectory, isLink;
    long size, ticks;

    public bool IsDirectory { get { Inspect(); return isDirectory; } }
    public bool IsLink { get { Inspect(); return isLink; } }
    public long Size { get { Inspect(); return size; } }
    public long Ticks { get { Inspect(); return ticks ^ (Overlay?.Stamp ?? 0); } }

    void Inspect()
    {
        if (inspected) return;
        isLink = unlisted!.LinkTarget is not null;
        if (!isLink) (size, ticks) = (unlisted.Length, unlisted.LastWriteTimeUtc.Ticks);
        inspected = true;
    }

    bool read;
    byte[]? bytes;
    string? readError, fileHash;

    /// <summary>Why the file could not be read, or null once it was (reading it first if needed).</summary>
    public string? ReadError { get { Read(); return readError; } }

    /// <summary>The SHA-256 of the file's bytes, lower-case hex (reading it first if needed); null when it could not be read.</summary>
    public string? FileHash
    {
        get
        {
            Read();
            return fileHash is null || Overlay is null ? fileHash
                : Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fileHash + "\n" + Overlay.Hash)));
        }
    }

    void Read()
    {
        if (read) return;
        try
        {
            bytes = File.ReadAllBytes(Path);
            fileHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            readError = e.Message;
        }
        read = true;
    }

    bool parsed;
    ParseResult? result;
    ArticleAnalysis? analysis;

    /// <summary>The file parsed, and when it parsed, analysed. Only for a file that could be read.</summary>
    public (ParseResult Result, ArticleAnalysis? Analysis) Parse(YearMonth latestAllowed, EntityExtractor extractor)
    {
        if (!parsed && recordParser is not null)
        {
            result = recordParser(latestAllowed);
            if (result.Article is { } record) analysis = ArticleAnalysis.Of(record, extractor);
            parsed = true;
        }
        if (!parsed)
        {
            Read();
            if (bytes is null) throw new InvalidOperationException($"{Name} could not be read: {readError}");
            result = ArticleParser.Parse(Name, bytes, latestAllowed);
            if (result.Article is { } parsedFile && Overlay is { } row) result = ParseResult.Ok(ArticleIndex.Apply(parsedFile, row));
            if (result.Article is { } article) analysis = ArticleAnalysis.Of(article, extractor);
            bytes = null;   // the text lives on in the article; the bytes are no longer needed
            parsed = true;
        }
        return (result!, analysis);
    }
}
