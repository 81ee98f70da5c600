using NewsCorpus.Entities;

namespace NewsCorpus.Annotations;

/// <summary>The kinds a reader annotates: the three entity kinds, and countries (by ISO code).</summary>
public enum AnnotatedKind { Person, Organisation, Place, Country }

/// <summary>
/// One thing a reader found in one article: the kinds it may fairly be given (a museum is an organisation or a
/// place), the names it goes by there (compared as <see cref="EntityNames.Key"/>), and whether it is optional:
/// finding an optional one is not an error, missing it is not a miss (borderline cases: a particle accelerator,
/// a forum that is half an event).
/// </summary>
public sealed record AnnotatedEntity(IReadOnlySet<AnnotatedKind> Kinds, IReadOnlyList<string> Names, bool Optional)
{
    /// <summary>The kind it counts under for recall: the first one written.</summary>
    public AnnotatedKind MainKind { get; init; }

    public bool Matches(AnnotatedKind kind, string nameKey) => Kinds.Contains(kind) && Names.Contains(nameKey);
}

/// <summary>
/// Reads an annotation file: one line per entity, <c>file&lt;TAB&gt;kinds&lt;TAB&gt;names</c>. Kinds are
/// person, organisation, place or country, several joined by "/", the whole prefixed by "?" when optional; names
/// are joined by "|", the first the full name; a country's name is its ISO 3166 alpha-2 code. Lines starting with
/// "#" are comments. An article with no line is not annotated.
/// </summary>
public static class EntityAnnotations
{
    public static IReadOnlyDictionary<string, IReadOnlyList<AnnotatedEntity>> Read(string path)
    {
        var byFile = new Dictionary<string, List<AnnotatedEntity>>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length != 3) throw new FormatException($"{path}:{lineNumber}: expected file, kinds and names separated by tabs");
            bool optional = columns[1].StartsWith('?');
            var kinds = columns[1].TrimStart('?').Split('/').Select(k => ParseKind(k, path, lineNumber)).ToList();
            var names = columns[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => kinds[0] == AnnotatedKind.Country ? n.ToLowerInvariant() : EntityNames.Key(n)).Distinct().ToList();
            if (names.Count == 0) throw new FormatException($"{path}:{lineNumber}: no name");
            if (!byFile.TryGetValue(columns[0], out var list)) byFile[columns[0]] = list = [];
            list.Add(new AnnotatedEntity(kinds.ToHashSet(), names, optional) { MainKind = kinds[0] });
        }
        return byFile.ToDictionary(p => p.Key, p => (IReadOnlyList<AnnotatedEntity>)p.Value, StringComparer.Ordinal);
    }

    static AnnotatedKind ParseKind(string kind, string path, int lineNumber) => kind switch
    {
        "person" => AnnotatedKind.Person,
        "organisation" => AnnotatedKind.Organisation,
        "place" => AnnotatedKind.Place,
        "country" => AnnotatedKind.Country,
        _ => throw new FormatException($"{path}:{lineNumber}: unknown kind \"{kind}\""),
    };
}
