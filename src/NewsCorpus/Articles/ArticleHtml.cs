using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsCorpus.Articles;

/// <summary>
/// Article text is untrusted: it becomes HTML through Markdig with raw HTML disabled, and any link or image
/// whose scheme is not http, https or mailto loses its target.
/// </summary>
public static class ArticleHtml
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "";
            link.IsImage = false;            // no remote images: the reader's privacy, and no tracking pixels
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
            if (!autolink.IsEmail && !IsSafe(autolink.Url)) autolink.Url = "";
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return false;
        return AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }
}
