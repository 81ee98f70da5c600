using Microsoft.OpenApi;

namespace NewsCorpus.Web.Api;

/// <summary>The OpenAPI description at /openapi/v1.json: the API, the exports and the feeds (their GET operations).</summary>
public static class OpenApiDescription
{
    static readonly Dictionary<string, string> Tags = new()
    {
        ["API"] = "Les données des pages en JSON : recherche, articles, chronologie, tendances, pays, entités.",
        ["Exports"] = "Chaque liste d’articles en entier, en CSV ou en JSON Lines, dans l’ordre de la page.",
        ["Flux Atom"] = "Les articles les plus récents d’une recherche ou d’un pays (RFC 4287).",
    };

    public static IServiceCollection AddCorpusOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.ShouldInclude = d => d.HttpMethod != HttpMethods.Head;   // every operation answers HEAD as well as GET
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "NewsCorpus";
            document.Info.Description = "L’API JSON de NewsCorpus (recherche, articles, chronologie, pays, entités), les exports CSV / JSON Lines et les flux Atom. Les dates sont des jours, AAAA-MM-JJ, quand l’article donne son jour, sinon des mois, AAAA-MM. Les erreurs sont des problem details (RFC 9457). Chaque opération répond aussi à HEAD. Aucune authentification : le site ne fait que lire.";
            foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                if (tag.Name is { } name && Tags.TryGetValue(name, out var description)) tag.Description = description;
            document.Security = [new OpenApiSecurityRequirement()];   // public: no credentials asked
            return Task.CompletedTask;
        });
    });
}
