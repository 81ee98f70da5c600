using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using NewsCorpus.Analysis;

namespace NewsCorpus.Articles;

/// <summary>A paragraph of text, a section heading, or a caption, credit or byline (<see cref="Credits"/>).</summary>
public enum BlockKind { Paragraph, Heading, Caption }

public sealed record Block(BlockKind Kind, string Text);

/// <summary>An article file that parsed: what the store keeps and the reader sees.</summary>
public sealed record ParsedArticle(
    string Id,
    string FileName,
    long? Number,
    YearMonth Month,
    string Title,
    IReadOnlyList<Block> Blocks,
    IReadOnlyList<string> Warnings)
{
    public string Lead => Blocks.FirstOrDefault(b => b.Kind == BlockKind.Paragraph)?.Text ?? "";
    public string Headings => string.Join("\n", Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text));
    public string PlainBody => string.Join("\n\n", Blocks.Select(b => b.Text));

    /// <summary>Identifies exact duplicates: the body with white space folded, whatever the file name or line ends.</summary>
    public string BodyHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CollapseWhiteSpace(PlainBody))));

    // What Regex.Replace(text, @"\s+", " ").Trim() gives (\s and char.IsWhiteSpace are the same set), in one pass.
    static string CollapseWhiteSpace(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = true; continue; }
            if (pendingSpace && sb.Length > 0) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>Why a file could not be imported, with the line at fault (1-based; 0 when it concerns the whole file).</summary>
public sealed record ParseError(string FileName, int Line, string Reason)
{
    public override string ToString() => Line > 0 ? $"{FileName}:{Line}: {Reason}" : $"{FileName}: {Reason}";
}

public sealed record ParseResult(ParsedArticle? Article, ParseError? Error)
{
    public static ParseResult Ok(ParsedArticle article) => new(article, null);
    public static ParseResult Fail(string file, int line, string reason) => new(null, new ParseError(file, line, reason));
}

/// <summary>
/// Reads one article file: a first line "date YYYY-MM" (possibly followed by scraped noise or the start of
/// the lead), then paragraphs separated by blank lines. Short lines standing alone without final punctuation
/// are section headings.
/// </summary>
public static partial class ArticleParser
{
    /// <summary>Scraped boilerplate that can stick to the date line or stand alone as a line; compared case-insensitively.</summary>
    public static readonly IReadOnlyList<string> NoiseTokens =
    [
        "Publicité", "Publicite", "Advertisement", "Advertising", "Sponsorisé", "Sponsored", "Annonce", "Pub",
        "Lire aussi", "À lire aussi", "Partager", "Imprimer",
    ];

    const int MaxHeadingLength = 90;
    const int MaxHeadingWords = 14;
    const int TitleLength = 110;

    [GeneratedRegex(@"^(\d+)_([0-9a-fA-F]{16})\.txt$")]
    private static partial Regex StandardFileName();

    [GeneratedRegex(@"^\s*date\b\s*(?<value>\S*)\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex YearMonthValue();

    /// <summary>The article id a file name gives, or null when the name has another shape.</summary>
    public static (long? Number, string? Id) ReadFileName(string fileName)
    {
        var m = StandardFileName().Match(fileName);
        if (!m.Success) return (null, null);
        return (long.TryParse(m.Groups[1].Value, out var n) ? n : null, m.Groups[2].Value.ToLowerInvariant());
    }

    public static ParseResult Parse(string fileName, byte[] content, YearMonth? latestAllowed = null)
    {
        var warnings = new List<string>();
        var text = Decode(content, warnings);
        if (text.Contains('\0')) warnings.Add("contains NUL bytes (removed)");

        var (number, id) = ReadFileName(fileName);
        id ??= Convert.ToHexStringLower(SHA256.HashData(content))[..16];

        var lines = TextNormalizer.Normalize(text).ReplaceLineEndings("\n").Split('\n');
        int first = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (first < 0) return ParseResult.Fail(fileName, content.Length == 0 ? 0 : 1, "empty file");

        var dateMatch = DateLine().Match(lines[first]);
        if (!dateMatch.Success)
            return ParseResult.Fail(fileName, first + 1, "no date line: the first line must be 'date YYYY-MM'");
        var value = dateMatch.Groups["value"].Value;
        var ym = YearMonthValue().Match(value);
        if (!ym.Success)
            return ParseResult.Fail(fileName, first + 1, $"invalid date '{Shorten(value)}': expected YYYY-MM");
        int year = int.Parse(ym.Groups[1].Value, CultureInfo.InvariantCulture);
        int month = int.Parse(ym.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
            return ParseResult.Fail(fileName, first + 1, $"invalid month {month:00} in '{value}'");
        if (year < 1800)
            return ParseResult.Fail(fileName, first + 1, $"implausible year {year} in '{value}'");
        var date = new YearMonth(year, month);
        var latest = latestAllowed ?? YearMonth.FromDate(DateTime.UtcNow);
        if (date > latest)
            return ParseResult.Fail(fileName, first + 1, $"date {date} is in the future");

        var rest = StripNoise(dateMatch.Groups["rest"].Value);
        var blocks = ReadBlocks(lines, first + 1, rest);
        if (!blocks.Any(b => b.Kind == BlockKind.Paragraph))
            return ParseResult.Fail(fileName, first + 1, "no body text after the date line");

        return ParseResult.Ok(new ParsedArticle(id, fileName, number, date, DeriveTitle(blocks), blocks, warnings));
    }

    /// <summary>
    /// UTF-8 when it is; a file that is mostly UTF-8 with a few stray bytes keeps its UTF-8 (the strays become
    /// U+FFFD); a file with no UTF-8 sequences at all is an old Windows-1252 file. Either way a warning says so.
    /// </summary>
    static string Decode(byte[] content, List<string> warnings)
    {
        var span = content.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        if (Utf8.IsValid(span)) return Encoding.UTF8.GetString(span);

        var (valid, invalid, firstInvalid) = CountUtf8Sequences(span);
        int line = 1 + span[..firstInvalid].Count((byte)'\n');
        if (valid > invalid)
        {
            warnings.Add($"invalid UTF-8 from line {line} ({invalid} byte(s) replaced by \uFFFD)");
            return Encoding.UTF8.GetString(span);
        }
        warnings.Add("not valid UTF-8: decoded as Windows-1252");
        return Windows1252.GetString(span);
    }

    /// <summary>Well-formed multi-byte UTF-8 sequences, stray bytes, and where the first stray byte is.</summary>
    static (int Valid, int Invalid, int FirstInvalid) CountUtf8Sequences(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0, first = -1;
        for (int i = 0; i < bytes.Length;)
        {
            if (bytes[i] < 0x80) { i++; continue; }
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed);
            if (status == System.Buffers.OperationStatus.Done) valid++;
            else
            {
                invalid++;
                if (first < 0) first = i;
            }
            i += Math.Max(1, consumed);
        }
        return (valid, invalid, Math.Max(0, first));
    }

    static readonly Encoding Windows1252 = CreateWindows1252();

    static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    static List<Block> ReadBlocks(string[] lines, int start, string firstLineRest)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0) paragraphs.Add(current.ToString());
            current.Clear();
        }
        if (firstLineRest.Length > 0) current.Append(firstLineRest);
        for (int i = start; i < lines.Length; i++)
        {
            var line = CollapseSpaces(lines[i]);
            if (line.Length == 0) { Flush(); continue; }
            if (IsNoise(line)) continue;
            if (current.Length > 0) current.Append(' ');
            current.Append(line);
        }
        Flush();

        var blocks = new List<Block>(paragraphs.Count);
        for (int i = 0; i < paragraphs.Count; i++)
        {
            var kind = i == 0 ? BlockKind.Paragraph
                : Credits.IsCredit(paragraphs[i]) ? BlockKind.Caption
                : i < paragraphs.Count - 1 && LooksLikeHeading(paragraphs[i]) ? BlockKind.Heading
                : BlockKind.Paragraph;
            blocks.Add(new Block(kind, paragraphs[i]));
        }
        return blocks;
    }

    static bool LooksLikeHeading(string paragraph) =>
        paragraph.Length <= MaxHeadingLength
        && paragraph.Split(' ').Length <= MaxHeadingWords
        && !".!?:;…»\",".Contains(paragraph[^1])
        && char.IsUpper(paragraph[0]);

    static string StripNoise(string rest)
    {
        rest = CollapseSpaces(rest);
        bool changed = true;
        while (changed && rest.Length > 0)
        {
            changed = false;
            foreach (var noise in NoiseTokens)
            {
                if (rest.StartsWith(noise, StringComparison.OrdinalIgnoreCase)
                    && (rest.Length == noise.Length || !char.IsLetterOrDigit(rest[noise.Length])))
                {
                    rest = rest[noise.Length..].TrimStart(' ', ':', '-', '|', '–').Trim();
                    changed = true;
                }
            }
        }
        return rest;
    }

    static bool IsNoise(string line) => NoiseTokens.Any(n => line.Equals(n, StringComparison.OrdinalIgnoreCase));

    static string CollapseSpaces(string line)
    {
        line = line.Trim();
        return line.Contains("  ") || line.Contains('\t') ? Regex.Replace(line, @"[ \t]+", " ") : line;
    }

    /// <summary>The lead's first sentence, cut at a word boundary when it is long.</summary>
    internal static string DeriveTitle(IReadOnlyList<Block> blocks)
    {
        var lead = blocks.First(b => b.Kind == BlockKind.Paragraph).Text;
        var sentence = Sentences.First(lead);
        if (sentence.Length <= TitleLength) return sentence;
        int cut = sentence.LastIndexOf(' ', TitleLength);
        if (cut < TitleLength / 2) cut = TitleLength;
        return sentence[..cut].TrimEnd(',', ';', ':', ' ') + "…";
    }

    static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
