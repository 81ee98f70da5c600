using NewsCorpus.Articles;

namespace NewsCorpus.Storage;

public sealed record DuplicateReport(string FileName, string Id, string OriginalId);

/// <summary>A file (or a record of it) imported with something worked around; <paramref name="Line"/> is 0 when it concerns the whole file.</summary>
public sealed record FileWarning(string FileName, string Message, int Line = 0)
{
    public override string ToString() => Line > 0 ? $"{FileName}:{Line}: {Message}" : $"{FileName}: {Message}";
}

/// <summary>Files done of the total; within a JSON Lines or CSV file, <paramref name="Records"/> is how many of its records were read so far.</summary>
public readonly record struct ImportProgress(int Done, int Total, string FileName, int Records = 0);

public sealed record ImportReport(
    int Imported,
    int Updated,
    int Unchanged,
    int Removed,
    IReadOnlyList<DuplicateReport> Duplicates,
    IReadOnlyList<ParseError> Rejected,
    IReadOnlyList<FileWarning> Warnings,
    TimeSpan Elapsed)
{
    public int Files => Imported + Updated + Unchanged + Duplicates.Count + Rejected.Count;
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? (Imported + Updated) / Elapsed.TotalSeconds : 0;
}
