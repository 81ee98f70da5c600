using System.Text;
using NewsCorpus.Storage;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Storage;

/// <summary>
/// Scraped corpora are messy. Every hostile file gets a clear outcome — imported, imported with a warning, or
/// rejected with file:line: reason — and the seeds beside them import as usual.
/// </summary>
public sealed class HostileFilesTests : IDisposable
{
    readonly TestCorpus corpus = new();
    readonly ImportReport report;
    readonly FileStream locked;

    public HostileFilesTests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "hostile")))
            File.Copy(file, Path.Combine(corpus.Articles, Path.GetFileName(file)));

        var big = new StringBuilder("date 2023-05 Un fichier énorme.\n\n");
        while (big.Length < 20 * 1024 * 1024) big.Append("Un paragraphe répété pour gonfler le fichier au-delà de toute mesure.\n\n");
        corpus.Write("120_00000000000000c0.txt", big.ToString());
        corpus.Write("121_00000000000000c1.txt", "date 2023-05 " + string.Concat(Enumerable.Repeat("Une phrase sans fin, ", 50_000)) + "fin.");
        File.CreateSymbolicLink(Path.Combine(corpus.Articles, "122_00000000000000c2.txt"), Path.Combine(corpus.Articles, "004_85765fc0af500544.txt"));
        Directory.CreateDirectory(Path.Combine(corpus.Articles, "x.txt"));
        // Root can read any file whatever its mode, so "unreadable" is a file another process holds exclusively.
        var path = corpus.Write("123_00000000000000c3.txt", "date 2023-05 Verrouillé.");
        locked = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        report = corpus.Import();
    }

    public void Dispose()
    {
        locked.Dispose();
        corpus.Dispose();
    }

    string? Rejection(string file) => report.Rejected.SingleOrDefault(r => r.FileName == file)?.ToString();
    List<string> WarningsFor(string file) => report.Warnings.Where(w => w.FileName == file).Select(w => w.Message).ToList();
    string Lead(string id) => corpus.Scalar<string>($"SELECT lead FROM articles WHERE id = '{id}'");

    [Fact]
    public void The_seeds_still_import() =>
        Assert.Equal(2, corpus.Scalar<int>($"SELECT count(*) FROM articles WHERE id IN ('{TestCorpus.Seed000}', '{TestCorpus.Seed004}')"));

    [Fact]
    public void Bom_crlf_and_mixed_line_ends_import_cleanly()
    {
        Assert.StartsWith("La coopération militaire", Lead("00000000000000b1"));
        Assert.StartsWith("La coopération militaire", Lead("00000000000000b2"));
        Assert.Equal("Première ligne. Suite du même paragraphe.", Lead("00000000000000b3"));
        Assert.Contains("Troisième ligne seule.", corpus.Scalar<string>("SELECT body FROM articles WHERE id = '00000000000000b3'"));
        Assert.Empty(WarningsFor("101_00000000000000b1.txt").Concat(WarningsFor("102_00000000000000b2.txt")).Concat(WarningsFor("103_00000000000000b3.txt")));
    }

    [Fact]
    public void Windows_1252_and_stray_bytes_import_with_a_warning()
    {
        Assert.StartsWith("La coopération militaire", Lead("00000000000000b4"));
        Assert.Equal(["not valid UTF-8: decoded as Windows-1252"], WarningsFor("104_00000000000000b4.txt"));
        Assert.Contains("l'été revient", corpus.Scalar<string>("SELECT body FROM articles WHERE id = '00000000000000b5'"));
        Assert.Equal(["invalid UTF-8 from line 3 (2 byte(s) replaced by \uFFFD)"], WarningsFor("105_00000000000000b5.txt"));
    }

    [Fact]
    public void Nul_bytes_are_removed_with_a_warning()
    {
        Assert.Equal("Le Mali et la Russie.", Lead("00000000000000b6"));
        Assert.Equal(["contains NUL bytes (removed)"], WarningsFor("106_00000000000000b6.txt"));
    }

    [Theory]
    [InlineData("107_00000000000000b7.txt", "107_00000000000000b7.txt:1: no date line")]
    [InlineData("108_00000000000000b8.txt", "108_00000000000000b8.txt:1: date 2099-01 is in the future")]
    [InlineData("109_00000000000000b9.txt", "109_00000000000000b9.txt:1: invalid date '2023-1': expected YYYY-MM")]
    [InlineData("110_00000000000000ba.txt", "110_00000000000000ba.txt:1: invalid date '23-10': expected YYYY-MM")]
    [InlineData("111_00000000000000bb.txt", "111_00000000000000bb.txt:1: no body text after the date line")]
    [InlineData("120_00000000000000c0.txt", "120_00000000000000c0.txt: file is too large (")]
    [InlineData("122_00000000000000c2.txt", "122_00000000000000c2.txt: is a symbolic link (links are not followed)")]
    [InlineData("x.txt", "x.txt: is a directory, not an article file")]
    [InlineData("123_00000000000000c3.txt", "123_00000000000000c3.txt: cannot be read")]
    public void Bad_files_are_rejected_with_a_reason(string file, string expected) =>
        Assert.StartsWith(expected, Rejection(file));

    [Fact]
    public void Decomposed_accents_zero_width_and_bidi_characters_are_normalised()
    {
        Assert.Equal("La coopération élargie à Ségou.", Lead("00000000000000bc"));
        Assert.Equal("La coopération inversée et isolée à Bamako.", Lead("00000000000000bd"));
        using var connection = corpus.Open();
        var hits = NewsCorpus.Search.CorpusSearch.For(connection).Search(NewsCorpus.Search.SearchRequest.FromForm("\"coopération élargie\"", null, null, null, null)).Hits;
        Assert.Equal(["00000000000000bc"], hits.Select(h => h.Id));
    }

    [Fact]
    public void A_one_megabyte_line_is_one_long_paragraph()
    {
        var length = corpus.Scalar<long>("SELECT length(lead) FROM articles WHERE id = '00000000000000c1'");
        Assert.True(length > 1_000_000, $"lead length {length}");
        Assert.True(corpus.Scalar<long>("SELECT length(title) FROM articles WHERE id = '00000000000000c1'") <= 111);
    }

    [Fact]
    public void Every_file_has_exactly_one_outcome()
    {
        int files = Directory.EnumerateFileSystemEntries(corpus.Articles, "*.txt").Count();
        Assert.Equal(files, report.Imported + report.Rejected.Count + report.Duplicates.Count);
        Assert.Equal(2 + 9, report.Imported);
        Assert.Empty(report.Duplicates);
    }
}
