using System.Text;
using NewsCorpus.Export;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Export;

public class CsvWriterTests
{
    static async Task<byte[]> Write(params string?[][] rows)
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvWriter(stream))
            foreach (var row in rows) await csv.WriteRowAsync(row);
        return stream.ToArray();
    }

    [Fact]
    public async Task Starts_with_a_UTF8_byte_order_mark_and_ends_rows_with_CRLF()
    {
        var bytes = await Write(["id", "titre"], ["1", "Coopération"]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("id,titre\r\n1,Coopération\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task Even_an_empty_file_has_its_byte_order_mark()
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], await Write());
    }

    [Theory]
    [InlineData("Mali, Burkina Faso", "\"Mali, Burkina Faso\"")]
    [InlineData("le \"partenariat\"", "\"le \"\"partenariat\"\"\"")]
    [InlineData("ligne 1\nligne 2", "\"ligne 1\nligne 2\"")]
    [InlineData("ligne 1\r\nligne 2", "\"ligne 1\r\nligne 2\"")]
    [InlineData("plain text; with semicolon", "plain text; with semicolon")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Quotes_only_what_RFC_4180_requires(string? value, string written)
    {
        Assert.Equal(written, CsvWriter.Field(value));
    }

    [Theory]
    [InlineData("=SOMME(A1:A9)", "'=SOMME(A1:A9)")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@Wagner", "'@Wagner")]
    [InlineData("\tcalc", "'\tcalc")]
    [InlineData("\rcalc", "\"'\rcalc\"")]
    [InlineData("=HYPERLINK(\"http://x\", \"clic\")", "\"'=HYPERLINK(\"\"http://x\"\", \"\"clic\"\")\"")]
    [InlineData("Rosatom = nucléaire", "Rosatom = nucléaire")]
    public void Cells_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe(string value, string written)
    {
        Assert.Equal(written, CsvWriter.Field(value));
    }

    [Fact]
    public async Task What_is_written_reads_back_cell_for_cell()
    {
        string[] row = ["a,b", "dit \"oui\"", "deux\r\nlignes", "=1+1", "é"];
        var rows = Csv.Parse(Encoding.UTF8.GetString(await Write(["x", "y", "z", "w", "v"], row))[1..]);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["a,b", "dit \"oui\"", "deux\r\nlignes", "'=1+1", "é"], rows[1]);
    }
}

public class JsonLinesWriterTests
{
    [Fact]
    public async Task Writes_one_parseable_object_per_line_in_readable_UTF8()
    {
        using var stream = new MemoryStream();
        await using (var jsonl = new JsonLinesWriter(stream))
        {
            await jsonl.WriteAsync(new { id = "a", title = "Coopération \"militaire\"\nsuite" });
            await jsonl.WriteAsync(new { id = "b", title = "=1+1" });
        }
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.EndsWith("\n", text);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("Coopération", lines[0]);
        Assert.Equal(["Coopération \"militaire\"\nsuite", "=1+1"],
            lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("title").GetString()));
    }
}
