using System.Text;

namespace NewsCorpus.Export;

/// <summary>
/// Writes CSV that Excel opens correctly and safely: UTF-8 with a byte order mark (without it Excel reads
/// Windows-1252), RFC 4180 quoting with CRLF line ends, and cells that Excel would run as a formula
/// (starting with =, +, -, @, tab or CR) prefixed with an apostrophe. Rows are written as they come,
/// through a small buffer: nothing waits for the whole table.
/// </summary>
public sealed class CsvWriter : IAsyncDisposable
{
    readonly StreamWriter writer;
    readonly StringBuilder line = new();

    public CsvWriter(Stream stream, bool byteOrderMark = true)
    {
        writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        if (byteOrderMark) line.Append('\uFEFF');
    }

    /// <summary>Writes one row; the first row written is the header.</summary>
    public async Task WriteRowAsync(IEnumerable<string?> fields, CancellationToken cancel = default)
    {
        bool first = true;
        foreach (var field in fields)
        {
            if (!first) line.Append(',');
            first = false;
            line.Append(Field(field));
        }
        line.Append("\r\n");
        await writer.WriteAsync(line, cancel);
        line.Clear();
    }

    /// <summary>One cell as written: neutralised, then quoted when it holds a comma, a quote or a line break.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public Task FlushAsync(CancellationToken cancel = default) => writer.FlushAsync(cancel);

    public async ValueTask DisposeAsync()
    {
        if (line.Length > 0) await writer.WriteAsync(line); // a BOM with no row at all
        await writer.FlushAsync();
        await writer.DisposeAsync();
    }
}
