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
    public long Ticks { get { Inspect(); return ticks; } }

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
    public string? FileHash { get { Read(); return fileHash; } }

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
        if (!parsed)
        {
            Read();
            if (bytes is null) throw new InvalidOperationException($"{Name} could not be read: {readError}");
            result = ArticleParser.Parse(Name, bytes, latestAllowed);
            if (result.Article is { } article) analysis = ArticleAnalysis.Of(article, extractor);
            bytes = null;   // the text lives on in the article; the bytes are no longer needed
            parsed = true;
        }
        return (result!, analysis);
    }
}
