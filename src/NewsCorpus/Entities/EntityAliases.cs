namespace NewsCorpus.Entities;

/// <summary>
/// User-editable knowledge about names, one rule per line:
/// <code>
/// # comment
/// Wagner = Groupe Wagner = PMC Wagner    names of one entity; the first is canonical
/// [org] Rosatom = Росатом                 with a kind: [person], [org], [place]
/// [place] Kidal                          a known name on its own
/// !Publicité                             never an entity
/// </code>
/// Names compare without case, accents or punctuation. Malformed lines are reported in <see cref="Errors"/>
/// as "source:line: reason" and skipped, so one typo does not lose the whole file.
/// </summary>
public sealed class EntityAliases
{
    sealed record Rule(string Source, int Line, EntityKind? Kind, IReadOnlyList<string> Names, bool Block);

    sealed class Group(string canonical, EntityKind? kind)
    {
        public string Canonical = canonical;
        public EntityKind? Kind = kind;
        public readonly List<string> Names = [];
        public string Where = "";
    }

    readonly List<Rule> rules = [];
    readonly List<string> errors = [];
    readonly Dictionary<string, Group> groupByKey = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> blocked = new(StringComparer.Ordinal);   // key → where it was blocked

    EntityAliases() { }

    public static EntityAliases Empty { get; } = new();

    static readonly Lazy<EntityAliases> defaultAliases = new(LoadDefault);

    /// <summary>The aliases shipped with the application (embedded entity-aliases.txt).</summary>
    public static EntityAliases Default => defaultAliases.Value;

    public IReadOnlyList<string> Errors => errors;

    public static EntityAliases Parse(TextReader reader, string sourceName)
    {
        var aliases = new EntityAliases();
        int lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var rule = ParseLine(raw, sourceName, lineNumber, aliases.errors);
            if (rule is null) continue;
            if (aliases.Apply(rule, overriding: false)) aliases.rules.Add(rule);
        }
        return aliases;
    }

    public static EntityAliases Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>
    /// These aliases with <paramref name="overrides"/> (typically the user's file) applied on top: a line of the
    /// override that names an existing entity merges into it and takes over its canonical name and kind, a block
    /// removes the name, and naming a blocked name unblocks it.
    /// </summary>
    public EntityAliases CombineWith(EntityAliases overrides)
    {
        var combined = new EntityAliases();
        combined.errors.AddRange(errors);
        combined.errors.AddRange(overrides.errors);
        foreach (var rule in rules.Concat(overrides.rules))
        {
            combined.Apply(rule, overriding: combined.rules.Count >= rules.Count);
            combined.rules.Add(rule);
        }
        return combined;
    }

    public bool IsBlocked(string name) => blocked.ContainsKey(EntityNames.Key(name));

    /// <summary>The canonical name of the entity <paramref name="name"/> belongs to, or null when no rule names it.</summary>
    public string? CanonicalName(string name) => groupByKey.GetValueOrDefault(EntityNames.Key(name))?.Canonical;

    public EntityKind? KindHint(string name) => groupByKey.GetValueOrDefault(EntityNames.Key(name))?.Kind;

    internal bool IsBlockedKey(string key) => blocked.ContainsKey(key);

    internal (string Canonical, EntityKind? Kind)? FindByKey(string key) =>
        groupByKey.TryGetValue(key, out var g) ? (g.Canonical, g.Kind) : null;

    /// <summary>Every name some rule mentions, with its entity's kind: the extractor's list of known names.</summary>
    internal IEnumerable<(string Name, EntityKind? Kind)> KnownNames =>
        groupByKey.Values.Distinct().SelectMany(g => g.Names.Select(n => (n, g.Kind)));

    static Rule? ParseLine(string raw, string source, int lineNumber, List<string> errors)
    {
        var line = StripComment(raw).Trim();
        if (line.Length == 0) return null;
        string Where() => $"{source}:{lineNumber}";

        if (line[0] == '!')
        {
            var name = line[1..].Trim();
            if (name.Length == 0) { errors.Add($"{Where()}: nothing to block after '!'"); return null; }
            if (name.Contains('=')) { errors.Add($"{Where()}: a blocked name cannot have aliases ('!' and '=' on one line)"); return null; }
            if (EntityNames.Key(name).Length == 0) { errors.Add($"{Where()}: '{name}' has no letters or digits"); return null; }
            return new Rule(source, lineNumber, null, [name], Block: true);
        }

        EntityKind? kind = null;
        if (line[0] == '[')
        {
            int close = line.IndexOf(']');
            if (close < 0) { errors.Add($"{Where()}: '[' without ']' (expected [person], [org] or [place])"); return null; }
            var tag = line[1..close].Trim();
            kind = ParseKind(tag);
            if (kind is null) { errors.Add($"{Where()}: unknown kind '[{tag}]' (expected [person], [org] or [place])"); return null; }
            line = line[(close + 1)..].Trim();
            if (line.Length == 0) { errors.Add($"{Where()}: '[{tag}]' is not followed by a name"); return null; }
        }

        var names = line.Split('=').Select(n => n.Trim()).ToList();
        if (names.Any(n => n.Length == 0)) { errors.Add($"{Where()}: empty name around '='"); return null; }
        foreach (var n in names)
            if (EntityNames.Key(n).Length == 0) { errors.Add($"{Where()}: '{n}' has no letters or digits"); return null; }
        if (names.Any(n => n.StartsWith('!'))) { errors.Add($"{Where()}: '!' blocks a name only at the start of a line"); return null; }
        return new Rule(source, lineNumber, kind, names, Block: false);
    }

    // '#' starts a comment at the start of a line or after a space, so a name such as "C#" survives.
    static string StripComment(string line)
    {
        for (int i = 0; i < line.Length; i++)
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        return line;
    }

    static EntityKind? ParseKind(string tag) => tag.ToLowerInvariant() switch
    {
        "person" or "personne" or "per" => EntityKind.Person,
        "org" or "organisation" or "organization" => EntityKind.Organisation,
        "place" or "lieu" or "loc" => EntityKind.Place,
        _ => null,
    };

    /// <summary>Adds a rule; false when it contradicts an earlier line of the same file (reported in errors).</summary>
    bool Apply(Rule rule, bool overriding)
    {
        var where = $"{rule.Source}:{rule.Line}";
        if (rule.Block)
        {
            var key = EntityNames.Key(rule.Names[0]);
            if (groupByKey.TryGetValue(key, out var named))
            {
                if (!overriding) { errors.Add($"{where}: '{rule.Names[0]}' cannot be blocked, it is a name of '{named.Canonical}' ({named.Where})"); return false; }
                RemoveName(named, key);
            }
            blocked[key] = where;
            return true;
        }

        if (!overriding)
        {
            // Within one file a name listed twice is a mistake: report it and skip the line.
            foreach (var name in rule.Names)
            {
                var key = EntityNames.Key(name);
                if (blocked.TryGetValue(key, out var blockedWhere)) { errors.Add($"{where}: '{name}' is blocked ({blockedWhere}) and cannot be an alias"); return false; }
                if (groupByKey.TryGetValue(key, out var other)) { errors.Add($"{where}: '{name}' is already a name of '{other.Canonical}' ({other.Where})"); return false; }
            }
        }

        var group = new Group(rule.Names[0], rule.Kind) { Where = where };
        foreach (var name in rule.Names)
        {
            var key = EntityNames.Key(name);
            blocked.Remove(key);
            if (groupByKey.TryGetValue(key, out var existing) && existing != group)
            {
                // The override merges the whole existing entity into its own line.
                foreach (var other in existing.Names)
                {
                    var otherKey = EntityNames.Key(other);
                    if (groupByKey.GetValueOrDefault(otherKey) == existing) { groupByKey[otherKey] = group; group.Names.Add(other); }
                }
                group.Kind ??= existing.Kind;
                continue;
            }
            if (!groupByKey.ContainsKey(key)) { groupByKey[key] = group; group.Names.Add(name); }
        }
        return true;
    }

    void RemoveName(Group group, string key)
    {
        groupByKey.Remove(key);
        group.Names.RemoveAll(n => EntityNames.Key(n) == key);
        if (EntityNames.Key(group.Canonical) == key && group.Names.Count > 0) group.Canonical = group.Names[0];
    }

    static EntityAliases LoadDefault()
    {
        using var stream = typeof(EntityAliases).Assembly.GetManifestResourceStream("entity-aliases.txt")
            ?? throw new InvalidOperationException("Embedded resource entity-aliases.txt is missing from the NewsCorpus assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader, "entity-aliases.txt");
    }
}
