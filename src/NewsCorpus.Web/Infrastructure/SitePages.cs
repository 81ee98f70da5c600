using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.RateLimiting;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>The Razor Pages and what applies to them as a whole.</summary>
public static class SitePages
{
    static readonly string[] Searching = ["/Search/Index", "/Concordance/Index", "/Trends/Index"];

    public static IServiceCollection AddSitePages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            // Pages only read: GET and HEAD, anything else is 405 with Allow. They depend on the corpus and the
            // language only, hence their ETag. The error page answers whatever request is re-executed to it.
            o.Conventions.AddFolderApplicationModelConvention("/", page =>
            {
                if (page.ViewEnginePath == "/Error") return;
                page.EndpointMetadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
                page.EndpointMetadata.Add(new CorpusCache.Versioned(ByLanguage: true));
            });
            // The pages that run a search are the expensive ones: they share the API's per-address limit.
            foreach (var page in Searching)
                o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(SearchRateLimit.Policy)));
        })
            // Long prose (the search help, the API docs) is translated as a whole partial: _HelpText.en.cshtml beside _HelpText.cshtml.
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix);
        return services;
    }
}
