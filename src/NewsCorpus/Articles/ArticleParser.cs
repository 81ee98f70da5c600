using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using NewsCorpus.Analysis;

namespace NewsCorpus.Articles;

/// <summary>A paragraph of text, a section heading, or a caption, credit or byline (<see cref="Credits"/>).</summary>
/// <param name="Headline">The text's own first line when it is the story's headline (scraped pages and press exports start so): the title, not the lead.</param>
public enum BlockKind { Paragraph, Heading, Caption, Headline }

public sealed record Block(BlockKind Kind, string Text);

/// <summary>An article file that parsed: what the store keeps and the reader sees.</summary>
public sealed record ParsedArticle(
    string Id,
    string FileName,
    long? Number,
    YearMonth Month,
    string Title,
    IReadOnlyList<Block> Blocks,
    IReadOnlyList<ArticleWarning> Warnings)
{
    /// <summary>The day of the month when the file gives one (<c>date 2023-10-05</c>); null when it is dated to the month only.</summary>
    public int? Day { get; init; }

    /// <summary>The outlet that published it, as the file names it; null when the file does not say.</summary>
    public string? Source { get; init; }

    /// <summary>The article's address at its outlet, an absolute http(s) URL; null when the file does not say.</summary>
    public string? Url { get; init; }

    public string? Author { get; init; }

    /// <summary>True when the title was given (a header, a record, an index) rather than derived from the lead.</summary>
    public bool TitleGiven { get; init; }

    /// <summary>The date as precise as the file gives it: <c>yyyy-MM-dd</c> or <c>yyyy-MM</c>.</summary>
    public string DateText => Day is { } d ? $"{Month}-{d:D2}" : Month.ToString();

    public string Lead => Blocks.FirstOrDefault(b => b.Kind == BlockKind.Paragraph)?.Text ?? "";
    /// <summary>The headline the text starts with, if it does (<see cref="BlockKind.Headline"/>).</summary>
    public string? Headline => Blocks.Count > 0 && Blocks[0].Kind == BlockKind.Headline ? Blocks[0].Text : null;
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

/// <summary>Something the parser noticed and worked around, with the line it concerns (0: the whole file).</summary>
public sealed record ArticleWarning(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
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

    [GeneratedRegex(@"^(\d{4})-(\d{2})(?:-(\d{2}))?$")]
    private static partial Regex DateValue();

    /// <summary>The article id a file name gives, or null when the name has another shape.</summary>
    public static (long? Number, string? Id) ReadFileName(string fileName)
    {
        var m = StandardFileName().Match(fileName);
        if (!m.Success) return (null, null);
        return (long.TryParse(m.Groups[1].Value, out var n) ? n : null, m.Groups[2].Value.ToLowerInvariant());
    }

    public static ParseResult Parse(string fileName, byte[] content, YearMonth? latestAllowed = null)
    {
        var warnings = new List<ArticleWarning>();
        var text = Decode(content, warnings);
        if (text.Contains('\0')) warnings.Add(new(0, "contains NUL bytes (removed)"));

        var (number, id) = ReadFileName(fileName);
        id ??= Convert.ToHexStringLower(SHA256.HashData(content))[..16];

        var lines = TextNormalizer.Normalize(text).ReplaceLineEndings("\n").Split('\n');
        int first = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (first < 0) return ParseResult.Fail(fileName, content.Length == 0 ? 0 : 1, "empty file");

        var dateMatch = DateLine().Match(lines[first]);
        if (!dateMatch.Success)
            return ParseResult.Fail(fileName, first + 1, "no date line: the first line must be 'date YYYY-MM' or 'date YYYY-MM-DD'");
        var value = dateMatch.Groups["value"].Value;
        var (date, day, dateError) = ReadDate(value, latestAllowed);
        if (dateError is not null) return ParseResult.Fail(fileName, first + 1, dateError);

        var rest = StripNoise(dateMatch.Groups["rest"].Value);
        int bodyStart = first + 1;
        var header = new Header();
        if (rest.Length == 0) bodyStart = ReadHeader(lines, first + 1, header, warnings);
        var blocks = ReadBlocks(lines, bodyStart, rest);
        if (!blocks.Any(b => b.Kind == BlockKind.Paragraph))
            return ParseResult.Fail(fileName, first + 1, "no body text after the date line");

        return ParseResult.Ok(new ParsedArticle(id, fileName, number, date, header.Title ?? HeadlineOf(blocks) ?? DeriveTitle(blocks), blocks, warnings)
        {
            Day = day, Source = header.Source, Url = header.Url, Author = header.Author, TitleGiven = header.Title is not null,
        });
    }

    /// <summary>A date as an export or an index writes it: YYYY-MM, YYYY-MM-DD, or a day with a time after it.</summary>
    public static (YearMonth Month, int? Day, string? Error) ReadDateValue(string value) =>
        ReadDate(RecordDateTime().Match(value) is { Success: true } dt ? dt.Groups["day"].Value : value, null);

    /// <summary>The title, source, url and author a record gives, checked as a file's header is; warnings have no line.</summary>
    public static (string? Title, string? Source, string? Url, string? Author) CheckMetadata(Record record, out List<ArticleWarning> warnings)
    {
        warnings = [];
        var header = new Header();
        foreach (var (key, field) in new[] { ("title", record.Title), ("source", record.Source), ("url", record.Url), ("author", record.Author) })
            if (field is not null) header.Set(key, key, field, 0, warnings);
        return (header.Title, header.Source, header.Url, header.Author);
    }

    /// <summary>The fields a JSON Lines or CSV record may give, as text (null when absent).</summary>
    public sealed record Record(string? Id, string? Text, string? Date, string? Title, string? Source, string? Url, string? Author);

    /// <summary>
    /// An article from one record of a JSON Lines or CSV file, found at <paramref name="line"/> of <paramref name="fileName"/>:
    /// the same checks as a file's date line and metadata, its text read as a file's paragraphs (blank lines separate
    /// paragraphs; a text without blank lines has one paragraph a line). Errors and warnings give the record's line.
    /// </summary>
    public static ParseResult FromRecord(string fileName, int line, Record record, YearMonth? latestAllowed = null)
    {
        var warnings = new List<ArticleWarning>();
        if (string.IsNullOrWhiteSpace(record.Date)) return ParseResult.Fail(fileName, line, "no date: every record needs a 'date' (YYYY-MM or YYYY-MM-DD)");
        var value = record.Date.Trim();
        // Exports often give a time of day as well: the day is what we keep.
        var dateOnly = RecordDateTime().Match(value) is { Success: true } dt ? dt.Groups["day"].Value : value;
        var (date, day, dateError) = ReadDate(dateOnly, latestAllowed);
        if (dateError is not null) return ParseResult.Fail(fileName, line, dateError);
        if (string.IsNullOrWhiteSpace(record.Text)) return ParseResult.Fail(fileName, line, "no text: every record needs a non-empty 'text'");

        var text = TextNormalizer.Normalize(record.Text.Replace("\0", "")).ReplaceLineEndings("\n");
        var lines = text.Split('\n');
        if (!lines.Any(string.IsNullOrWhiteSpace)) lines = lines.SelectMany(l => new[] { l, "" }).ToArray();
        var blocks = ReadBlocks(lines, 0, "");
        if (!blocks.Any(b => b.Kind == BlockKind.Paragraph)) return ParseResult.Fail(fileName, line, "no body text in 'text'");

        var header = new Header();
        foreach (var (key, field) in new[] { ("title", record.Title), ("source", record.Source), ("url", record.Url), ("author", record.Author) })
            if (field is not null) header.Set(key, key, field, line, warnings);
        var id = RecordId(record, fileName);
        return ParseResult.Ok(new ParsedArticle(id, fileName, null, date, header.Title ?? HeadlineOf(blocks) ?? DeriveTitle(blocks), blocks, warnings)
        {
            Day = day, Source = header.Source, Url = header.Url, Author = header.Author, TitleGiven = header.Title is not null,
        });
    }

    /// <summary>
    /// A record's article id: its own when it is 16 hex digits, else derived from it (so the same record keeps its
    /// address across imports), else derived from the record's date and text.
    /// </summary>
    public static string RecordId(Record record, string fileName)
    {
        var given = record.Id?.Trim();
        if (!string.IsNullOrEmpty(given))
            return HexId().IsMatch(given) ? given.ToLowerInvariant()
                : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("id\0" + given)))[..16];
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{record.Date}\0{record.Text}")))[..16];
    }

    [GeneratedRegex(@"^[0-9a-fA-F]{16}$")]
    private static partial Regex HexId();

    [GeneratedRegex(@"^(?<day>\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")]
    private static partial Regex RecordDateTime();

    /// <summary>Reads <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; the error says what is wrong with it.</summary>
    static (YearMonth Month, int? Day, string? Error) ReadDate(string value, YearMonth? latestAllowed)
    {
        var ym = DateValue().Match(value);
        if (!ym.Success) return (default, null, $"invalid date '{Shorten(value)}': expected YYYY-MM or YYYY-MM-DD");
        int year = int.Parse(ym.Groups[1].Value, CultureInfo.InvariantCulture);
        int month = int.Parse(ym.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return (default, null, $"invalid month {month:00} in '{value}'");
        if (year < 1800) return (default, null, $"implausible year {year} in '{value}'");
        int? day = null;
        if (ym.Groups[3].Success)
        {
            int d = int.Parse(ym.Groups[3].Value, CultureInfo.InvariantCulture);
            if (d < 1 || d > DateTime.DaysInMonth(year, month)) return (default, null, $"invalid day {d:00} in '{value}'");
            day = d;
        }
        var date = new YearMonth(year, month);
        var today = DateTime.UtcNow;
        var latest = latestAllowed ?? YearMonth.FromDate(today);
        if (date > latest) return (default, null, $"date {date} is in the future");
        // A day is in the future only when it is after tomorrow in UTC: the outlet's time zone may be ahead.
        if (day is { } dd && date == YearMonth.FromDate(today) && dd > today.AddDays(1).Day && today.AddDays(1).Month == today.Month)
            return (default, null, $"date {date}-{dd:D2} is in the future");
        return (date, day, null);
    }

    /// <summary>The metadata a file or a record gives, checked.</summary>
    sealed class Header
    {
        public string? Source, Title, Url, Author;
        readonly Dictionary<string, int> seen = [];

        public void Set(string key, string written, string value, int line, List<ArticleWarning> warnings)
        {
            value = CollapseSpaces(value.ReplaceLineEndings(" "));
            if (seen.TryGetValue(key, out var earlier))
            {
                warnings.Add(new(line, $"'{written}' given twice: the value of line {earlier} is kept, '{Shorten(value, 60)}' is ignored"));
                return;
            }
            if (value.Length == 0) { warnings.Add(new(line, $"'{written}' has no value (ignored)")); return; }
            seen[key] = line;
            switch (key)
            {
                case "source":
                    if (value.Length > MaxSourceLength) { warnings.Add(new(line, $"source is {value.Length} characters long: cut to {MaxSourceLength}")); value = value[..MaxSourceLength].TrimEnd(); }
                    Source = value;
                    break;
                case "title":
                    if (value.Length > MaxTitleLength) { warnings.Add(new(line, $"title is {value.Length} characters long: cut to {MaxTitleLength}")); value = value[..MaxTitleLength].TrimEnd() + "…"; }
                    Title = value;
                    break;
                case "author":
                    if (value.Length > MaxSourceLength) { warnings.Add(new(line, $"author is {value.Length} characters long: cut to {MaxSourceLength}")); value = value[..MaxSourceLength].TrimEnd(); }
                    Author = value;
                    break;
                case "url":
                    if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && value.Length <= 2000)
                        Url = uri.AbsoluteUri;
                    else
                        warnings.Add(new(line, $"url '{Shorten(value, 60)}' is not an absolute http(s) address (ignored)"));
                    break;
            }
        }
    }

    const int MaxSourceLength = 200;
    const int MaxTitleLength = 300;

    /// <summary>The metadata keys a file's header may use, French spellings included, with the field each sets.</summary>
    public static readonly IReadOnlyDictionary<string, string> MetadataKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["source"] = "source", ["title"] = "title", ["titre"] = "title", ["url"] = "url", ["lien"] = "url",
        ["author"] = "author", ["auteur"] = "author",
    };

    [GeneratedRegex(@"^\s*(?<key>[\p{L}][\p{L}_-]{0,19})\s*:(?<value>.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^[a-z][a-z_-]{0,19}$")]
    private static partial Regex LowerKey();

    /// <summary>
    /// The metadata lines right after the date line (no blank line between), <c>key: value</c>: a known key in any
    /// case, or an unknown lower-case one (warned about and ignored). The header ends at the first blank line or the
    /// first line of another shape, where the text begins. Returns the line the text starts at.
    /// </summary>
    static int ReadHeader(string[] lines, int start, Header header, List<ArticleWarning> warnings)
    {
        int i = start;
        for (; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) break;
            var m = HeaderLine().Match(lines[i]);
            var key = m.Success ? m.Groups["key"].Value : null;
            if (key is not null && MetadataKeys.TryGetValue(key, out var field))
            {
                header.Set(field, key, m.Groups["value"].Value, i + 1, warnings);
                continue;
            }
            if (key is not null && LowerKey().IsMatch(key) && m.Groups["value"].Value.Trim().Length > 0)
            {
                warnings.Add(new(i + 1, $"unknown metadata '{key}' (ignored; known: source, title, url, author)"));
                continue;
            }
            // A known key without its colon ("source Le Monde") is a slip, not the start of the text.
            var firstWord = CollapseSpaces(lines[i]).Split(' ')[0];
            if (i > start && MetadataKeys.ContainsKey(firstWord) && !firstWord.Any(char.IsUpper))
            {
                warnings.Add(new(i + 1, $"expected '{firstWord}: value' in the metadata (line ignored)"));
                continue;
            }
            break;
        }
        return i;
    }

    /// <summary>
    /// UTF-8 when it is; a file that is mostly UTF-8 with a few stray bytes keeps its UTF-8 (the strays become
    /// U+FFFD); a file with no UTF-8 sequences at all is an old Windows-1252 file. Either way a warning says so.
    /// </summary>
    static string Decode(byte[] content, List<ArticleWarning> warnings)
    {
        var span = content.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        if (Utf8.IsValid(span)) return Encoding.UTF8.GetString(span);

        var (valid, invalid, firstInvalid) = CountUtf8Sequences(span);
        int line = 1 + span[..firstInvalid].Count((byte)'\n');
        if (valid > invalid)
        {
            warnings.Add(new(0, $"invalid UTF-8 from line {line} ({invalid} byte(s) replaced by \uFFFD)"));
            return Encoding.UTF8.GetString(span);
        }
        warnings.Add(new(0, "not valid UTF-8: decoded as Windows-1252"));
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
            var kind = i == 0 && paragraphs.Count > 1 && LooksLikeHeadline(paragraphs[0]) ? BlockKind.Headline
                : i == 0 || i == 1 && blocks[0].Kind == BlockKind.Headline ? BlockKind.Paragraph
                : Credits.IsCredit(paragraphs[i]) ? BlockKind.Caption
                : i < paragraphs.Count - 1 && LooksLikeHeading(paragraphs[i]) ? BlockKind.Heading
                : BlockKind.Paragraph;
            blocks.Add(new Block(kind, paragraphs[i]));
        }
        return blocks;
    }

    /// <summary>
    /// A first paragraph that reads as a headline: one short line that is not a sentence (no full stop, colon or
    /// comma at its end; a question mark or a closing quote may end a headline), not a credit.
    /// </summary>
    static bool LooksLikeHeadline(string paragraph) =>
        paragraph.Length <= MaxHeadlineLength
        && paragraph.Split(' ').Length <= MaxHeadlineWords
        && !".!:;…,".Contains(paragraph[^1])
        && (char.IsUpper(paragraph[0]) || char.IsDigit(paragraph[0]) || paragraph[0] is '«' or '"')
        && Sentences.Split(paragraph).Count() == 1
        && !Credits.IsCredit(paragraph);

    const int MaxHeadlineLength = 160;
    const int MaxHeadlineWords = 25;

    static string? HeadlineOf(List<Block> blocks) => blocks.Count > 0 && blocks[0].Kind == BlockKind.Headline ? blocks[0].Text : null;

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

    static string Shorten(string s, int length = 20) => s.Length <= length ? s : s[..length] + "…";
}
