
namespace NewsCorpus.Entities;

/// <summary>
/// Merges the name variants of a corpus into canonical entities. Works in two streaming passes so memory grows
/// with the number of distinct names, not with the corpus:
/// <code>
/// var resolver = new EntityResolver(aliases);
/// foreach (var article in corpus) resolver.AddArticle(extractor.Extract(article.Text));       // pass 1
/// var catalog = resolver.Build();
/// foreach (var article in corpus) Save(article, catalog.ResolveArticle(extractor.Extract(article.Text)));  // pass 2
/// </code>
/// Case and accent variants merge (the most frequent spelling is shown), aliases merge and block names, and a surname
/// alone ("Traoré", "le capitaine Traoré") joins the full name with that surname in the same article, else
/// the only such full name of the corpus, else stays an entity of its own.
/// </summary>
public sealed class EntityResolver(EntityAliases aliases)
{
    sealed class NameStats
    {
        public readonly Dictionary<string, int> Spellings = new(StringComparer.Ordinal);
        public readonly int[] KindCounts = new int[3];
        public int ArticlesWithoutFullName;   // for one-word person names: articles with no full name ending in it
    }

    readonly Dictionary<string, NameStats> names = new(StringComparer.Ordinal);

    public EntityResolver() : this(EntityAliases.Default) { }

    /// <summary>Pass 1: records the mentions of one article.</summary>
    public void AddArticle(IReadOnlyList<EntityMention> mentions)
    {
        var fullNameSurnames = FullNameSurnames(mentions);
        var singleWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            var key = EntityNames.Key(mention.Surface);
            if (key.Length == 0 || aliases.IsBlockedKey(key)) continue;
            if (!names.TryGetValue(key, out var stats)) names[key] = stats = new NameStats();
            stats.Spellings[mention.Surface] = stats.Spellings.GetValueOrDefault(mention.Surface) + 1;
            stats.KindCounts[(int)KindInArticle(mention, key, fullNameSurnames)]++;
            if (!key.Contains(' ')) singleWords.Add(key);
        }
        foreach (var word in singleWords)
            if (!fullNameSurnames.Contains(word)) names[word].ArticlesWithoutFullName++;
    }

    /// <summary>The last words of the article's full person names: "Arafat" for "Yasser Arafat".</summary>
    internal static HashSet<string> FullNameSurnames(IReadOnlyList<EntityMention> mentions)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in mentions)
            if (mention.Kind == EntityKind.Person && EntityNames.Key(mention.Surface) is var key && key.Contains(' '))
                surnames.Add(EntityNames.LastWord(key));
        return surnames;
    }

    // A word alone that is the surname of a person named in full in the same article is that person, whatever
    // kind the extractor guessed for the word alone ("Arafat" after "Yasser Arafat").
    static EntityKind KindInArticle(EntityMention mention, string key, HashSet<string> fullNameSurnames) =>
        !key.Contains(' ') && fullNameSurnames.Contains(key) ? EntityKind.Person : mention.Kind;

    public EntityCatalog Build()
    {
        // Group names under their alias' canonical name, or under themselves.
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var groupOfName = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var (key, stats) in names)
        {
            var alias = aliases.FindByKey(key);
            var groupKey = alias is { } a ? EntityNames.Key(a.Canonical) : key;
            if (!groups.TryGetValue(groupKey, out var group))
                groups[groupKey] = group = new Group(groupKey) { AliasName = alias?.Canonical, AliasKind = alias?.Kind };
            foreach (var (spelling, count) in stats.Spellings) group.Spellings[spelling] = group.Spellings.GetValueOrDefault(spelling) + count;
            for (int k = 0; k < 3; k++) group.KindCounts[k] += stats.KindCounts[k];
            group.ArticlesWithoutFullName += stats.ArticlesWithoutFullName;
            groupOfName[key] = group;
        }

        MergeInitials(groups, groupOfName);

        var fullNamesBySurname = new Dictionary<string, List<Group>>(StringComparer.Ordinal);
        foreach (var group in groups.Values)
            if (group.Kind == EntityKind.Person && group.Key.Contains(' '))
            {
                var surname = EntityNames.LastWord(group.Key);
                if (!fullNamesBySurname.TryGetValue(surname, out var list)) fullNamesBySurname[surname] = list = [];
                list.Add(group);
            }

        foreach (var group in groups.Values)
        {
            // Names from the alias file are what the user asked for; only unknown one-word person names merge.
            group.IsSurname = group.AliasName is null && group.Kind == EntityKind.Person && !group.Key.Contains(' ');
            if (!group.IsSurname) continue;
            // Across articles, a word alone joins the only full name ending with it, unless it is an ordinary
            // French word: "Loi" alone is no one's surname.
            if (fullNamesBySurname.TryGetValue(group.Key, out var full) && full.Count == 1 && !Lexicon.FrenchLexicon.IsCommonWord(group.Key))
                group.CorpusFullName = full[0];
        }

        var usedSlugs = new HashSet<string>(StringComparer.Ordinal);
        var entities = new List<Entity>();
        foreach (var group in groups.Values.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            bool standsAlone = !group.IsSurname || group.CorpusFullName is null && group.ArticlesWithoutFullName > 0;
            if (!standsAlone) continue;
            var name = DisplayName(group);
            var slug = EntityNames.Slug(name);
            for (int n = 2; !usedSlugs.Add(slug); n++) slug = $"{EntityNames.Slug(name)}-{n}";
            group.Entity = new Entity(slug, name, group.Kind);
            entities.Add(group.Entity);
        }
        entities.Sort((a, b) => string.CompareOrdinal(a.Slug, b.Slug));
        return new EntityCatalog(aliases, entities, groupOfName);
    }

    /// <summary>
    /// A person named by initials ("J-M Ayrault", "F. Hollande") is the only person of the corpus named in full with
    /// that surname and those initials; with none or several, the initials stay a name of their own. The full name's
    /// spellings are kept for display: initials never become the name shown.
    /// </summary>
    static void MergeInitials(Dictionary<string, Group> groups, Dictionary<string, Group> groupOfName)
    {
        static string[] Words(string key) => key.Split(' ');
        static bool ByInitials(string key) => Words(key) is { Length: >= 2 } w && w[..^1].All(x => x.Length == 1);
        static string Initials(string key) => string.Concat(Words(key)[..^1].Select(x => x[0])) + " " + EntityNames.LastWord(key);
        var fullNames = groups.Values.Where(g => g.Kind == EntityKind.Person && g.Key.Contains(' ') && !ByInitials(g.Key))
            .ToLookup(g => Initials(g.Key), StringComparer.Ordinal);
        foreach (var initialled in groups.Values.Where(g => g.AliasName is null && g.Kind == EntityKind.Person && ByInitials(g.Key)).ToList())
        {
            if (fullNames[Initials(initialled.Key)].ToList() is not [var full]) continue;
            foreach (var name in groupOfName.Where(n => n.Value == initialled).Select(n => n.Key).ToList()) groupOfName[name] = full;
            for (int k = 0; k < 3; k++) full.KindCounts[k] += initialled.KindCounts[k];
            groups.Remove(initialled.Key);
        }
    }

    internal sealed class Group(string key)
    {
        public readonly string Key = key;
        public string? AliasName;
        public EntityKind? AliasKind;
        public readonly Dictionary<string, int> Spellings = new(StringComparer.Ordinal);
        public readonly int[] KindCounts = new int[3];
        public int ArticlesWithoutFullName;
        public bool IsSurname;
        public Group? CorpusFullName;
        public Entity? Entity;

        // The kind most mentions agree on; ties go to the earlier kind of the enum (Person, Organisation, Place).
        public EntityKind Kind => AliasKind ?? (EntityKind)Array.IndexOf(KindCounts, KindCounts.Max());
    }

    /// <summary>
    /// The name shown: a spelling the articles use, the most frequent full form (ties go to the one with fewer
    /// words in capitals, then to the one with more accents, then to ordinal order). An alias' canonical name is
    /// shown when the articles spell it so at least once, which keeps curated names and their addresses stable:
    /// nothing adds letters or accents the text did not have.
    /// </summary>
    static string DisplayName(Group group)
    {
        if (group.AliasName is { } alias && group.Spellings.ContainsKey(alias)) return alias;
        return group.Spellings.OrderByDescending(s => s.Value)
            .ThenBy(s => AllCapsWords(s.Key))
            .ThenByDescending(s => EntityNames.AccentCount(s.Key))   // both are in the text: the accented one is the careful one
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .First().Key;
    }

    // Words of more than three letters written in capitals: "Ibrahim TRAORE" is the shouting spelling.
    static int AllCapsWords(string name)
    {
        int count = 0;
        foreach (var word in name.Split(' ', '-'))
            if (word.Length > 3 && EntityNames.IsAllCaps(word)) count++;
        return count;
    }
}

/// <summary>The canonical entities of a corpus, and how the names of an article map onto them.</summary>
public sealed class EntityCatalog
{
    readonly EntityAliases aliases;
    readonly Dictionary<string, EntityResolver.Group> groupOfName;

    internal EntityCatalog(EntityAliases aliases, List<Entity> entities, Dictionary<string, EntityResolver.Group> groupOfName)
    {
        this.aliases = aliases;
        Entities = entities;
        this.groupOfName = groupOfName;
    }

    /// <summary>All entities, ordered by slug; slugs are unique.</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>
    /// Pass 2: the entity of each surface of one article's mentions (the same mentions given to
    /// <see cref="EntityResolver.AddArticle"/>). Blocked and unknown surfaces are left out.
    /// </summary>
    public IReadOnlyDictionary<string, Entity> ResolveArticle(IReadOnlyList<EntityMention> mentions)
    {
        // Full person names of this article by surname, so "Traoré" here means the Traoré named here, whatever
        // kind the word alone was given.
        var fullNames = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            if (mention.Kind != EntityKind.Person) continue;
            var key = EntityNames.Key(mention.Surface);
            if (!key.Contains(' ') || groupOfName.GetValueOrDefault(key)?.Entity is not { } entity) continue;
            fullNames.TryAdd(EntityNames.LastWord(key), entity);
        }

        var result = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            if (result.ContainsKey(mention.Surface)) continue;
            var key = EntityNames.Key(mention.Surface);
            if (aliases.IsBlockedKey(key) || !groupOfName.TryGetValue(key, out var group)) continue;
            var entity = fullNames.GetValueOrDefault(key) is { } fullName && !key.Contains(' ') ? fullName
                : group.IsSurname ? group.CorpusFullName?.Entity ?? group.Entity
                : group.Entity;
            if (entity is not null) result[mention.Surface] = entity;
        }
        return result;
    }

    /// <summary>The entity a name stands for anywhere in the corpus (a surname gives its only full name), or null.</summary>
    public Entity? Find(string name)
    {
        var key = EntityNames.Key(name);
        if (!groupOfName.TryGetValue(key, out var group))
        {
            var alias = aliases.FindByKey(key);
            if (alias is null) return null;
            group = groupOfName.Values.FirstOrDefault(g => g.Key == EntityNames.Key(alias.Value.Canonical));
            if (group is null) return null;
        }
        return group.IsSurname ? group.CorpusFullName?.Entity ?? group.Entity : group.Entity;
    }
}
