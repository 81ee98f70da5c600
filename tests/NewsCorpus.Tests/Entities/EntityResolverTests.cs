using NewsCorpus.Entities;

namespace NewsCorpus.Tests.Entities;

public class EntityResolverTests
{
    static EntityMention Person(string surface) => new(surface, EntityKind.Person, 0, surface.Length);
    static EntityMention Org(string surface) => new(surface, EntityKind.Organisation, 0, surface.Length);

    static EntityCatalog Build(EntityAliases aliases, params EntityMention[][] articles)
    {
        var resolver = new EntityResolver(aliases);
        foreach (var article in articles) resolver.AddArticle(article);
        return resolver.Build();
    }

    [Fact]
    public void Initials_are_the_only_full_name_with_them_and_then_a_surname_alone_is_that_person_too()
    {
        EntityMention[] full = [Person("Jean-Marc Ayrault")], initials = [Person("J-M Ayrault")], dotted = [Person("J.-M. Ayrault")],
            alone = [Person("Ayrault")], other = [Person("F. Hollande")];
        var catalog = Build(EntityAliases.Empty, full, full, initials, dotted, alone, other);

        var ayrault = catalog.ResolveArticle(full)["Jean-Marc Ayrault"];
        Assert.Equal("Jean-Marc Ayrault", ayrault.Name);
        Assert.Same(ayrault, catalog.ResolveArticle(initials)["J-M Ayrault"]);
        Assert.Same(ayrault, catalog.ResolveArticle(dotted)["J.-M. Ayrault"]);
        Assert.Same(ayrault, catalog.ResolveArticle(alone)["Ayrault"]);
        // Initials no full name of the corpus has stay a name of their own.
        Assert.Equal(["F. Hollande", "Jean-Marc Ayrault"], catalog.Entities.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Initials_shared_by_two_full_names_stay_apart()
    {
        var catalog = Build(EntityAliases.Empty, [Person("Jean Dupont")], [Person("Jacques Dupont")], [Person("J. Dupont")]);
        Assert.Equal(3, catalog.Entities.Count);
    }

    [Fact]
    public void Case_variants_merge_and_accented_spelling_wins()
    {
        EntityMention[] first = [Person("Ibrahim Traore")], second = [Person("Ibrahim TRAORE")], third = [Person("Ibrahim Traoré")];
        var catalog = Build(EntityAliases.Empty, first, second, third);

        var entity = Assert.Single(catalog.Entities);
        Assert.Equal(new Entity("ibrahim-traore", "Ibrahim Traoré", EntityKind.Person), entity);
        Assert.Same(entity, catalog.ResolveArticle(first)["Ibrahim Traore"]);
        Assert.Same(entity, catalog.ResolveArticle(second)["Ibrahim TRAORE"]);
    }

    [Fact]
    public void A_name_is_shown_as_the_text_spells_it_never_with_accents_of_another_word()
    {
        // "Lê" is a Vietnamese name elsewhere in the corpus; "Marine Le Pen" keeps the spelling of her articles.
        var catalog = Build(EntityAliases.Empty, [Person("Marine Le Pen")], [Person("Marine Le Pen")], [Person("Lê Duẩn")]);
        Assert.Contains(catalog.Entities, e => e.Name == "Marine Le Pen");
        Assert.DoesNotContain(catalog.Entities, e => e.Name.Contains("Lê Pen"));
    }

    [Fact]
    public void An_alias_name_is_shown_only_when_the_text_spells_it_else_the_most_frequent_spelling()
    {
        var aliases = EntityAliases.Parse(new StringReader("[org] Organisation des Nations unies = ONU = Nations unies"), "test");
        var spelled = Build(aliases, [Org("ONU")], [Org("ONU")], [Org("Organisation des Nations unies")]);
        Assert.Equal("Organisation des Nations unies", Assert.Single(spelled.Entities).Name);
        var unspelled = Build(aliases, [Org("ONU")], [Org("Nations unies")], [Org("ONU")]);
        Assert.Equal("ONU", Assert.Single(unspelled.Entities).Name);
    }

    [Fact]
    public void Surname_alone_merges_into_the_only_full_name_of_the_corpus()
    {
        EntityMention[] withFullName = [Person("Vladimir Poutine")], alone = [Person("Poutine")];
        var catalog = Build(EntityAliases.Empty, withFullName, alone);

        var putin = Assert.Single(catalog.Entities);
        Assert.Equal("vladimir-poutine", putin.Slug);
        Assert.Same(putin, catalog.ResolveArticle(alone)["Poutine"]);
        Assert.Same(putin, catalog.Find("Poutine"));
    }

    [Fact]
    public void Surname_prefers_the_full_name_of_its_own_article_and_stays_alone_when_ambiguous()
    {
        EntityMention[] ibrahim = [Person("Ibrahim Traoré"), Person("Traoré")];
        EntityMention[] abdoulaye = [Person("Abdoulaye Traoré"), Person("Traoré")];
        EntityMention[] alone = [Person("Traoré")];
        var catalog = Build(EntityAliases.Empty, ibrahim, abdoulaye, alone);

        Assert.Equal(["abdoulaye-traore", "ibrahim-traore", "traore"], catalog.Entities.Select(e => e.Slug));
        Assert.Equal("ibrahim-traore", catalog.ResolveArticle(ibrahim)["Traoré"].Slug);
        Assert.Equal("abdoulaye-traore", catalog.ResolveArticle(abdoulaye)["Traoré"].Slug);
        Assert.Equal("traore", catalog.ResolveArticle(alone)["Traoré"].Slug);
    }

    [Fact]
    public void Surname_without_a_lone_article_creates_no_entity_of_its_own()
    {
        var catalog = Build(EntityAliases.Empty, [Person("Ibrahim Traoré"), Person("Traoré")], [Person("Abdoulaye Traoré"), Person("Traoré")]);
        Assert.Equal(["abdoulaye-traore", "ibrahim-traore"], catalog.Entities.Select(e => e.Slug));
    }

    [Fact]
    public void Aliases_merge_names_set_kind_and_block_names()
    {
        var aliases = EntityAliases.Parse(new StringReader("[org] Wagner = Groupe Wagner\n!Publicité\n"), "test");
        EntityMention[] article = [Org("Groupe Wagner"), Person("Wagner"), Person("Publicité")];
        var catalog = Build(aliases, article);

        Assert.Equal(new Entity("wagner", "Wagner", EntityKind.Organisation), Assert.Single(catalog.Entities));
        var resolved = catalog.ResolveArticle(article);
        Assert.Equal(["Groupe Wagner", "Wagner"], resolved.Keys.Order());
        Assert.All(resolved.Values, e => Assert.Equal("wagner", e.Slug));
    }

    [Fact]
    public void Kind_is_what_most_mentions_say()
    {
        var catalog = Build(EntityAliases.Empty, [Org("Tamboura"), Org("Tamboura")], [Person("Tamboura")]);
        Assert.Equal(EntityKind.Organisation, Assert.Single(catalog.Entities).Kind);
    }

    [Fact]
    public void Slugs_are_ascii_and_unique()
    {
        var aliases = EntityAliases.Parse(new StringReader("[person] Saint Pierre\n"), "test");
        var catalog = Build(aliases, [Person("Saint Pierre"), Org("Saint-Pierre SA"), Org("Saint Pierre S.A."), Org("Росатом"), Org("Вагнер")]);
        var slugs = catalog.Entities.Select(e => e.Slug).ToList();
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.All(slugs, s => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s));
        Assert.Contains("saint-pierre", slugs);
    }
}
