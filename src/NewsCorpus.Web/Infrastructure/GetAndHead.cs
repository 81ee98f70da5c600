namespace NewsCorpus.Web.Infrastructure;

/// <summary>
/// Endpoints that answer GET answer HEAD too (Razor Pages do by themselves; MapGet does not). Kestrel sends no body
/// for HEAD; the OpenAPI description lists the GET operations only.
/// </summary>
public static class GetAndHead
{
    static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder app, string pattern, Delegate handler) =>
        app.MapMethods(pattern, Methods, handler);

    /// <summary>An endpoint mapped for GET by a library (the OpenAPI document) that should answer HEAD as well.</summary>
    public static TBuilder AlsoHead<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new HttpMethodMetadata(Methods));
}
