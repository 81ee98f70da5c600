using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>
/// The interface speaks French (the default) and English. The reader's choice, made with the header link and kept
/// in the standard culture cookie, wins over the browser's Accept-Language. The language never comes from the URL,
/// so an address shows the same page in either language.
/// </summary>
public static class Languages
{
    public const string French = "fr";
    public const string English = "en";
    static readonly string[] Supported = [French, English];

    public static IApplicationBuilder UseLanguages(this IApplicationBuilder app) => app.UseRequestLocalization(options =>
    {
        options.SetDefaultCulture(French).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
    });

    /// <summary>
    /// /language/en?returnUrl=/search%3Fq%3DRosatom: remembers the language for a year and goes back to the page,
    /// which must be on this site (anything else goes home, so the link cannot send readers elsewhere).
    /// It only sets a cookie: nothing is written to the store.
    /// </summary>
    public static IEndpointConventionBuilder MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGetAndHead("/language/{code}", IResult (string code, string? returnUrl, HttpContext context) =>
        {
            if (!Supported.Contains(code)) return TypedResults.NotFound();
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    Path = "/",
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    IsEssential = true,
                });
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.LocalRedirect(RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();

    /// <summary>Whether this request is answered in English (set by the localization middleware).</summary>
    public static bool CurrentIsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English;

    /// <summary>The header link to the other language, coming back to this page.</summary>
    public static (string Code, string Name, string Link) OtherLanguage(HttpContext context)
    {
        var (code, name) = CurrentIsEnglish ? (French, "Français") : (English, "English");
        return (code, name, $"/language/{code}" + QueryString.Create("returnUrl", CurrentAddress(context)));
    }

    /// <summary>The path and query being shown; on an error page, the address that failed rather than /Error.</summary>
    static string CurrentAddress(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } status)
            return status.OriginalPathBase + status.OriginalPath + status.OriginalQueryString;
        if (context.Features.Get<IExceptionHandlerPathFeature>() is { } error)
            return error.Path;
        return context.Request.PathBase + context.Request.Path + context.Request.QueryString;
    }
}
