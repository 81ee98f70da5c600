using Microsoft.AspNetCore.WebUtilities;

namespace NewsCorpus.Web.Infrastructure;

/// <summary>
/// A repeated URL parameter's values in the order the URL gives them. The output cache sorts them in place in
/// Request.Query while it computes its key (it sorts the very array the request holds), so /trends?q=Wagner&amp;q=Rosatom
/// would chart Rosatom first: the order is read again from the raw query string, which nothing rewrites.
/// </summary>
public static class QueryOrder
{
    public static List<string> Values(HttpRequest request, string key) =>
        QueryHelpers.ParseQuery(request.QueryString.Value).TryGetValue(key, out var values)
            ? values.Where(v => v is not null).Select(v => v!).ToList()
            : [];
}
