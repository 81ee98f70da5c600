using Microsoft.AspNetCore.Mvc.Localization;
using NewsCorpus.Entities;

namespace NewsCorpus.Web.Pages.Shared;

public static class EntityKinds
{
    public static LocalizedHtmlString Label(EntityKind kind, IHtmlLocalizer text) => kind switch
    {
        EntityKind.Person => text["Personne"],
        EntityKind.Organisation => text["Organisation"],
        _ => text["Lieu"],
    };

    public static LocalizedHtmlString Plural(EntityKind kind, IHtmlLocalizer text) => kind switch
    {
        EntityKind.Person => text["Personnes"],
        EntityKind.Organisation => text["Organisations"],
        _ => text["Lieux"],
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
