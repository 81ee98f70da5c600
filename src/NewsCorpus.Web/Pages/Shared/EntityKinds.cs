using NewsCorpus.Entities;

namespace NewsCorpus.Web.Pages.Shared;

public static class EntityKinds
{
    public static string Label(EntityKind kind) => kind switch
    {
        EntityKind.Person => "Personne",
        EntityKind.Organisation => "Organisation",
        _ => "Lieu",
    };

    public static string Plural(EntityKind kind) => kind switch
    {
        EntityKind.Person => "Personnes",
        EntityKind.Organisation => "Organisations",
        _ => "Lieux",
    };

    /// <summary>The URL word for a kind (?kind=person) and back.</summary>
    public static string Slug(EntityKind kind) => kind switch
    {
        EntityKind.Person => "person",
        EntityKind.Organisation => "organisation",
        _ => "place",
    };

    public static EntityKind? Parse(string? slug) => slug?.ToLowerInvariant() switch
    {
        "person" or "personne" or "people" => EntityKind.Person,
        "organisation" or "organization" or "org" => EntityKind.Organisation,
        "place" or "lieu" => EntityKind.Place,
        _ => null,
    };
}
