using System.Text;
using System.Text.RegularExpressions;

namespace NewsCorpus.Articles;

/// <summary>
/// Article bodies are stored as Markdown so headings render as headings. The text is the author's, not
/// Markdown, so a paragraph that happens to start like a Markdown block ("1. ", "# ", "> ", "- ") is escaped.
/// </summary>
public static partial class ArticleMarkdown
{
    [GeneratedRegex(@"^(\s*)([#>+\-*=_`~|]|\d+[.)])")]
    private static partial Regex BlockMarker();

    public static string FromBlocks(IEnumerable<Block> blocks)
    {
        var sb = new StringBuilder();
        foreach (var block in blocks)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            if (block.Kind == BlockKind.Heading) sb.Append("## ");
            if (block.Kind == BlockKind.Headline) sb.Append("# ");
            var text = BlockMarker().Replace(block.Text, m => m.Groups[1].Value + Escape(m.Groups[2].Value), 1);
            // A caption or credit is set in italics, as papers set them; its own emphasis marks are escaped.
            if (block.Kind == BlockKind.Caption) sb.Append('*').Append(text.Replace("*", "\\*").Replace("_", "\\_")).Append('*');
            else sb.Append(text);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The blocks of a stored body, their text left as escaped for Markdown, so that <see cref="FromBlocks"/> gives the
    /// same body back; the escapes are punctuation, which the tokenizer skips.
    /// </summary>
    public static List<Block> ToBlocks(string markdown) =>
        markdown.Split("\n\n").Select(text =>
            text.StartsWith("## ", StringComparison.Ordinal) ? new Block(BlockKind.Heading, text[3..])
            : text.StartsWith("# ", StringComparison.Ordinal) ? new Block(BlockKind.Headline, text[2..])
            // Only a caption starts with a bare asterisk: a paragraph's own is escaped.
            : text.Length > 1 && text[0] == '*' && text[^1] == '*' ? new Block(BlockKind.Caption, text[1..^1].Replace("\\*", "*").Replace("\\_", "_"))
            : new Block(BlockKind.Paragraph, text)).ToList();

    /// <summary>
    /// A stored body as text to read in a line: without heading marks, and without the headline the text starts with
    /// when <paramref name="withHeadline"/> is false (a snippet shown under the title would repeat it).
    /// </summary>
    public static string PlainText(string markdown, bool withHeadline = true)
    {
        if (markdown.StartsWith("# ", StringComparison.Ordinal))
        {
            int end = markdown.IndexOf("\n\n", StringComparison.Ordinal);
            markdown = withHeadline ? markdown[2..] : end < 0 ? "" : markdown[(end + 2)..];
        }
        return markdown.Replace("## ", "");
    }

    static string Escape(string marker) =>
        char.IsDigit(marker[0]) ? marker[..^1] + "\\" + marker[^1] : "\\" + marker;
}
