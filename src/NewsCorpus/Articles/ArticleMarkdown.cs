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
            var text = BlockMarker().Replace(block.Text, m => m.Groups[1].Value + Escape(m.Groups[2].Value), 1);
            // A caption or credit is set in italics, as papers set them; its own emphasis marks are escaped.
            if (block.Kind == BlockKind.Caption) sb.Append('*').Append(text.Replace("*", "\\*").Replace("_", "\\_")).Append('*');
            else sb.Append(text);
        }
        return sb.ToString();
    }

    static string Escape(string marker) =>
        char.IsDigit(marker[0]) ? marker[..^1] + "\\" + marker[^1] : "\\" + marker;
}
