using System.Collections;
using System.IO.Enumeration;
using System.Text;
using NewsCorpus.Articles;

namespace NewsCorpus.Storage;

/// <summary>One entry of an article folder (*.txt, *.jsonl, *.ndjson, *.csv), as the listing saw it.</summary>
public readonly record struct FolderEntry(string Name, long Size, long Ticks, bool IsDirectory, bool IsLink);

/// <summary>
/// An article folder's *.txt entries, listed once at the start of an import, in reading order: the running number
/// first (numerically), then the name (by code point). An import holds this for its whole run, so it is kept in
/// a few flat arrays, names as UTF-8 side by side: about 50 bytes a file, where a <see cref="FileInfo"/> a file
/// took 366 MB at a million files and a string and record a file 112 MB.
/// </summary>
public sealed class ArticleFolder
{
    /// <summary>The folder's full path, ending with a separator.</summary>
    public string Prefix { get; }
    public IReadOnlyList<FolderEntry> Entries { get; }

    /// <summary>The format every entry is read in when the import was told one (<c>--format</c>); null: by extension.</summary>
    public ArticleFormat? Format { get; private init; }

    /// <summary>The sidecar index whose rows add metadata to the folder's article files; null for none.</summary>
    public ArticleIndex? Index { get; internal set; }

    /// <summary>What the folder's index says of an entry, when it is an article file the index describes.</summary>
    public IndexRow? IndexRowOf(FolderEntry entry) => FormatOf(entry) == ArticleFormat.Text ? Index?.Find(entry.Name) : null;

    /// <summary>When the listing is of one file rather than a folder, that file's full path; null for a folder.</summary>
    public string? SingleFile { get; private init; }

    /// <summary>How an entry holds its articles: the format the import was told, else what its extension says.</summary>
    public ArticleFormat FormatOf(FolderEntry entry) => Format ?? ArticleFormats.FromFileName(entry.Name) ?? ArticleFormat.Text;

    /// <summary>
    /// Whether a stored path belongs to this listing: one of its entries, or a record of one of its JSON Lines or CSV
    /// files (<c>file.jsonl#key</c>, whose records the import checks against the file itself). For a one-file listing,
    /// anything stored from elsewhere in the folder is left alone.
    /// </summary>
    public bool Keeps(string path)
    {
        if (SingleFile is not null) return true;
        if (Contains(path)) return true;
        int hash = path.LastIndexOf('#');
        return hash > Prefix.Length && Contains(path[..hash]);
    }

    readonly byte[] names;        // UTF-8, entry i at names[nameStart[i] .. nameStart[i + 1]]
    readonly int[] nameStart;
    readonly long[] sizes, ticks;
    readonly byte[] kinds;        // DirectoryBit, LinkBit
    readonly int[] byName;        // entry indexes in name order, for Contains

    const byte DirectoryBit = 1, LinkBit = 2;

    ArticleFolder(string prefix, byte[] names, int[] nameStart, long[] sizes, long[] ticks, byte[] kinds)
    {
        Prefix = prefix;
        (this.names, this.nameStart, this.sizes, this.ticks, this.kinds) = (names, nameStart, sizes, ticks, kinds);
        byName = Enumerable.Range(0, kinds.Length).ToArray();
        Array.Sort(byName, (a, b) => Name(a).SequenceCompareTo(Name(b)));
        Entries = new EntryList(this);
    }

    ReadOnlySpan<byte> Name(int i) => names.AsSpan(nameStart[i], nameStart[i + 1] - nameStart[i]);

    FolderEntry Entry(int i) => new(Encoding.UTF8.GetString(Name(i)), sizes[i], ticks[i], (kinds[i] & DirectoryBit) != 0, (kinds[i] & LinkBit) != 0);

    public string PathOf(FolderEntry entry) => Prefix + entry.Name;

    /// <summary>Whether a full path names one of the listed entries.</summary>
    public bool Contains(string path)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var name = Encoding.UTF8.GetBytes(path[Prefix.Length..]);
        int lo = 0, hi = byName.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = Name(byName[mid]).SequenceCompareTo(name);
            if (c == 0) return true;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return false;
    }

    // What DirectoryInfo's listing did before: hidden files too, and an unreadable folder is an error, not an empty one.
    static readonly EnumerationOptions Listing = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>
    /// Lists a folder's article files, or one file when <paramref name="folder"/> names a file (then read in
    /// <paramref name="format"/>, or as its extension says).
    /// </summary>
    public static ArticleFolder List(string folder, ArticleFormat? format = null)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            var listing = List(Path.GetDirectoryName(full)!, Path.GetFileName(full));
            return new ArticleFolder(listing.Prefix, listing.names, listing.nameStart, listing.sizes, listing.ticks, listing.kinds)
            {
                Format = format, SingleFile = full,
            };
        }
        var all = List(full, onlyName: null);
        return format is null ? all : new ArticleFolder(all.Prefix, all.names, all.nameStart, all.sizes, all.ticks, all.kinds) { Format = format };
    }

    static ArticleFolder List(string folder, string? onlyName)
    {
        var root = Path.GetFullPath(folder);
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;

        // Straight into the flat arrays as the file system gives the entries, so no string a file is ever held.
        var names = new List<byte>();
        var nameStart = new List<int> { 0 };
        var sizes = new List<long>();
        var ticks = new List<long>();
        var kinds = new List<byte>();
        var numbers = new List<long>();
        var utf8 = new byte[1024];
        var listing = new FileSystemEnumerable<bool>(root, (ref FileSystemEntry e) =>
        {
            var name = e.FileName;
            int byteCount = Encoding.UTF8.GetByteCount(name);
            if (byteCount > utf8.Length) utf8 = new byte[byteCount];
            int length = Encoding.UTF8.GetBytes(name, utf8);
            names.AddRange(utf8.AsSpan(0, length));
            nameStart.Add(names.Count);
            bool directory = e.IsDirectory;
            sizes.Add(directory ? 0 : e.Length);
            ticks.Add(directory ? 0 : e.LastWriteTimeUtc.UtcDateTime.Ticks);
            kinds.Add((byte)((directory ? DirectoryBit : 0) | ((e.Attributes & FileAttributes.ReparsePoint) != 0 ? LinkBit : 0)));
            numbers.Add(ArticleParser.ReadFileName(name.ToString()).Number ?? long.MaxValue);
            return true;
        }, Listing)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => onlyName is not null
                ? e.FileName.SequenceEqual(onlyName)
                : IsArticleFile(e.FileName),
        };
        foreach (var _ in listing) { }

        var allNames = names.ToArray();
        var starts = nameStart.ToArray();
        ReadOnlySpan<byte> NameAt(int i) => allNames.AsSpan(starts[i], starts[i + 1] - starts[i]);
        var order = Enumerable.Range(0, sizes.Count).ToArray();
        Array.Sort(order, (a, b) => numbers[a] != numbers[b] ? numbers[a].CompareTo(numbers[b]) : NameAt(a).SequenceCompareTo(NameAt(b)));

        var sortedNames = new byte[allNames.Length];
        var sortedStarts = new int[starts.Length];
        int at = 0;
        for (int i = 0; i < order.Length; i++)
        {
            var name = NameAt(order[i]);
            name.CopyTo(sortedNames.AsSpan(at));
            at += name.Length;
            sortedStarts[i + 1] = at;
        }
        return new ArticleFolder(prefix, sortedNames, sortedStarts,
            Array.ConvertAll(order, i => sizes[i]), Array.ConvertAll(order, i => ticks[i]), Array.ConvertAll(order, i => kinds[i]));
    }

    static bool IgnoreCase => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    static bool IsArticleFile(ReadOnlySpan<char> name)
    {
        foreach (var pattern in ArticleFormats.FolderPatterns)
            if (FileSystemName.MatchesSimpleExpression(pattern, name, IgnoreCase)) return true;
        return false;
    }

    sealed class EntryList(ArticleFolder folder) : IReadOnlyList<FolderEntry>
    {
        public FolderEntry this[int index] => folder.Entry(index);
        public int Count => folder.kinds.Length;

        public IEnumerator<FolderEntry> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return folder.Entry(i);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
