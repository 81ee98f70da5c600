using System.Text;
using System.Text.Json;

namespace NewsCorpus.Articles;

/// <summary>How a file holds its articles: one article a file (the seed format), or one a record of a JSON Lines or CSV export.</summary>
public enum ArticleFormat { Text, JsonLines, Csv }

public static class ArticleFormats
{
    /// <summary>The format a file's extension says: .txt, .jsonl / .ndjson, .csv; null for any other file.</summary>
    public static ArticleFormat? FromFileName(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".txt" => ArticleFormat.Text,
            ".jsonl" or ".ndjson" => ArticleFormat.JsonLines,
            ".csv" => ArticleFormat.Csv,
            _ => null,
        };

    /// <summary>The name given to <c>--format</c>: txt, jsonl (or ndjson), csv.</summary>
    public static ArticleFormat? Parse(string? name) =>
        name?.Trim().ToLowerInvariant() switch
        {
            "txt" or "text" => ArticleFormat.Text,
            "jsonl" or "ndjson" or "jsonlines" => ArticleFormat.JsonLines,
            "csv" => ArticleFormat.Csv,
            _ => null,
        };

    /// <summary>The file patterns an article folder is listed with.</summary>
    public static readonly IReadOnlyList<string> FolderPatterns = ["*.txt", "*.jsonl", "*.ndjson", "*.csv"];
}

/// <summary>
/// One record of a JSON Lines or CSV file: the line it starts at, its text as written (what tells a changed record
/// from an unchanged one), and its fields, or why it could not be read.
/// </summary>
public sealed record RawRecord(int Line, string Raw, ArticleParser.Record? Record, string? Error);

/// <summary>
/// Reads the records of a JSON Lines or CSV export, streaming, one at a time. Columns (CSV) and keys (JSON) are
/// matched by name, in any case: <c>text</c> and <c>date</c> are needed, <c>title</c>, <c>source</c>, <c>url</c>,
/// <c>author</c> and <c>id</c> are read when present (see <see cref="FieldNames"/> for the other spellings accepted),
/// anything else is ignored. A record that cannot be read is returned with its error, and the next one is read.
/// </summary>
public static class RecordReader
{
    /// <summary>Each accepted column or key name, and the field it fills.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = "text", ["body"] = "text", ["content"] = "text", ["texte"] = "text",
        ["date"] = "date", ["day"] = "date", ["published"] = "date", ["published_at"] = "date", ["publish_date"] = "date",
        ["title"] = "title", ["titre"] = "title", ["headline"] = "title",
        ["source"] = "source", ["media"] = "source", ["média"] = "source", ["outlet"] = "source", ["media_name"] = "source",
        ["url"] = "url", ["link"] = "url", ["lien"] = "url",
        ["author"] = "author", ["auteur"] = "author", ["authors"] = "author", ["byline"] = "author",
        ["id"] = "id", ["stories_id"] = "id", ["guid"] = "id",
        ["file"] = "file", ["fichier"] = "file",
    };

    public static IEnumerable<RawRecord> Read(TextReader reader, ArticleFormat format) => format switch
    {
        ArticleFormat.JsonLines => ReadJsonLines(reader),
        ArticleFormat.Csv => ReadCsv(reader),
        _ => throw new ArgumentException("a text article file holds one article, not records", nameof(format)),
    };

    // An empty cell or string is a field the record does not give.
    static ArticleParser.Record ToRecord(IReadOnlyDictionary<string, string?> fields)
    {
        string? Get(string name) => fields.GetValueOrDefault(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v : null;
        return new(Get("id"), Get("text"), Get("date"), Get("title"), Get("source"), Get("url"), Get("author"));
    }

    static IEnumerable<RawRecord> ReadJsonLines(TextReader reader)
    {
        int lineNumber = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (lineNumber == 1 && line.StartsWith('\uFEFF')) line = line[1..];
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ReadJsonLine(lineNumber, line);
        }
    }

    static RawRecord ReadJsonLine(int lineNumber, string line)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(line); }
        catch (JsonException e)
        {
            return new RawRecord(lineNumber, line, null, $"invalid JSON: {e.Message.Split(" LineNumber:")[0].Split(" Path:")[0]}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return new RawRecord(lineNumber, line, null, $"expected a JSON object, found {Describe(document.RootElement.ValueKind)}");
            var fields = new Dictionary<string, string?>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!FieldNames.TryGetValue(property.Name, out var field) || fields.ContainsKey(field)) continue;
                var value = property.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String: fields[field] = value.GetString(); break;
                    case JsonValueKind.Number: fields[field] = value.GetRawText(); break;
                    case JsonValueKind.Null: fields[field] = null; break;
                    case JsonValueKind.Array when field is "author" or "source" && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                        fields[field] = string.Join(", ", value.EnumerateArray().Select(v => v.GetString()));
                        break;
                    default:
                        return new RawRecord(lineNumber, line, null, $"'{property.Name}' must be text, found {Describe(value.ValueKind)}");
                }
            }
            return new RawRecord(lineNumber, line, ToRecord(fields), null);
        }
    }

    static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        _ => "null",
    };

    static IEnumerable<RawRecord> ReadCsv(TextReader reader) =>
        ReadCsvRows(reader, ["text", "date"]).Select(r => new RawRecord(r.Line, r.Raw, r.Fields is null ? null : ToRecord(r.Fields), r.Error));

    /// <summary>One row of an article index (<see cref="ArticleIndex"/>): the file it describes and what it gives.</summary>
    public sealed record IndexRaw(int Line, string Raw, string? File, ArticleParser.Record? Record, string? Error);

    /// <summary>The rows of a CSV or TSV article index: a <c>file</c> column and any of the record fields.</summary>
    public static IEnumerable<IndexRaw> ReadIndex(TextReader reader) =>
        ReadCsvRows(reader, ["file"]).Select(r => new IndexRaw(r.Line, r.Raw, r.Fields?.GetValueOrDefault("file"), r.Fields is null ? null : ToRecord(r.Fields), r.Error));

    static IEnumerable<(int Line, string Raw, Dictionary<string, string?>? Fields, string? Error)> ReadCsvRows(TextReader reader, string[] required)
    {
        var firstLine = reader.ReadLine();
        if (firstLine is null) yield break;
        if (firstLine.StartsWith('\uFEFF')) firstLine = firstLine[1..];
        var csv = new CsvParser(new PrefixedReader(firstLine + "\n", reader), Delimiter(firstLine));

        string[]? header = null;
        string headerRaw = "";
        Dictionary<int, string> columns = [];
        while (csv.Next() is { } row)
        {
            if (row.Error is not null) { yield return (row.Line, row.Raw, null, row.Error); continue; }
            if (row.Fields.Count == 1 && row.Fields[0].Length == 0) continue;   // a blank line
            if (header is null)
            {
                header = [.. row.Fields.Select(f => f.Trim())];
                headerRaw = row.Raw;
                for (int i = 0; i < header.Length; i++)
                    if (FieldNames.TryGetValue(header[i], out var field) && !columns.ContainsValue(field)) columns[i] = field;
                var missing = required.Where(f => !columns.ContainsValue(f)).ToList();
                if (missing.Count > 0)
                {
                    yield return (row.Line, row.Raw, null,
                        $"no {string.Join(" or ", missing.Select(m => $"'{m}'"))} column: the header names {string.Join(", ", header.Select(h => $"'{h}'"))}");
                    yield break;
                }
                continue;
            }
            var raw = headerRaw + "\n" + row.Raw;
            if (row.Fields.Count != header.Length)
            {
                yield return (row.Line, raw, null, $"{row.Fields.Count} fields where the header has {header.Length}");
                continue;
            }
            var fields = new Dictionary<string, string?>();
            foreach (var (index, field) in columns) fields[field] = row.Fields[index];
            yield return (row.Line, raw, fields, null);
        }
    }

    /// <summary>Comma, or the semicolon French Excel writes, or a tab: whichever the header line has most of, outside quotes.</summary>
    static char Delimiter(string headerLine)
    {
        int comma = 0, semicolon = 0, tab = 0;
        bool quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') comma++;
            else if (!quoted && c == ';') semicolon++;
            else if (!quoted && c == '\t') tab++;
        }
        return semicolon > comma && semicolon >= tab ? ';' : tab > comma ? '\t' : ',';
    }

    sealed record CsvRow(int Line, IReadOnlyList<string> Fields, string Raw, string? Error);

    /// <summary>RFC 4180: fields separated by the delimiter, quoted fields may hold delimiters, quotes ("") and line breaks; CRLF, LF or CR.</summary>
    sealed class CsvParser(TextReader reader, char delimiter)
    {
        int line = 1;
        int pending = -2;   // a character read ahead, -2 when none

        int Read()
        {
            if (pending != -2) { var c = pending; pending = -2; return c; }
            return reader.Read();
        }

        int Peek()
        {
            if (pending == -2) pending = reader.Read();
            return pending;
        }

        public CsvRow? Next()
        {
            if (Peek() == -1) return null;
            int start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var raw = new StringBuilder();
            while (true)
            {
                int c = Read();
                if (c == -1) { fields.Add(field.ToString()); break; }
                if (c == '\r' || c == '\n')
                {
                    if (c == '\r' && Peek() == '\n') Read();
                    line++;
                    fields.Add(field.ToString());
                    break;
                }
                if (c == delimiter) { raw.Append((char)c); fields.Add(field.ToString()); field.Clear(); continue; }
                if (c == '"' && field.Length == 0)
                {
                    raw.Append('"');
                    int opened = line;
                    while (true)
                    {
                        int q = Read();
                        if (q == -1)
                            return new CsvRow(start, fields, raw.ToString(), $"unterminated quoted field (opened on line {opened})");
                        raw.Append((char)q);
                        if (q == '"')
                        {
                            if (Peek() == '"') { Read(); raw.Append('"'); field.Append('"'); continue; }
                            break;
                        }
                        if (q == '\r' && Peek() == '\n') { Read(); raw.Append('\n'); field.Append("\r\n"); line++; continue; }
                        if (q == '\n' || q == '\r') line++;
                        field.Append((char)q);
                    }
                    continue;
                }
                raw.Append((char)c);
                field.Append((char)c);
            }
            return new CsvRow(start, fields, raw.ToString(), null);
        }
    }

    /// <summary>A text followed by the rest of a reader.</summary>
    sealed class PrefixedReader(string prefix, TextReader rest) : TextReader
    {
        int at;
        public override int Peek() => at < prefix.Length ? prefix[at] : rest.Peek();
        public override int Read() => at < prefix.Length ? prefix[at++] : rest.Read();
    }
}
