using System.Text;

namespace NewsCorpus.Search;

/// <summary>
/// HTML escaping for snippets that keeps letters as they are: the framework encoders turn every accent into
/// an entity, which is safe but makes the JSON API's snippets unreadable.
/// </summary>
public static class Html
{
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
