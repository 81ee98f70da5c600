namespace NewsCorpus.Relevance;

/// <summary>
/// The lines of a tab-separated judgments file as both kinds of judgments read them: blank lines, <c>#</c> comments and
/// the column header skipped, every other line split into exactly its fields; errors say <c>source:line: reason</c>.
/// </summary>
internal static class JudgmentLines
{
    public static IEnumerable<(int Number, string[] Fields)> Read(IEnumerable<string> lines, string header, int fieldCount, string source)
    {
        int number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#') || line == header) continue;
            var fields = line.Split('\t');
            if (fields.Length != fieldCount) throw Bad(source, number, $"expected {fieldCount} tab-separated fields, found {fields.Length}");
            yield return (number, fields);
        }
    }

    /// <summary>An article id as the files name it: 16 hex digits, any case.</summary>
    public static string ArticleId(string field, string source, int line)
    {
        var id = field.Trim().ToLowerInvariant();
        if (id.Length != 16 || !id.All(char.IsAsciiHexDigitLower)) throw Bad(source, line, $"article id '{field}' is not 16 hex digits");
        return id;
    }

    public static FormatException Bad(string source, int line, string reason) => new($"{source}:{line}: {reason}");
}
