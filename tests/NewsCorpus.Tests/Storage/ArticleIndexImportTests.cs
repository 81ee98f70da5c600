using NewsCorpus.Articles;
using NewsCorpus.Storage;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Storage;

/// <summary>A sidecar index (CSV or TSV, a file column) adding day, title, source, url and author to the article files.</summary>
public class ArticleIndexImportTests
{
    static ImportReport Import(TestCorpus corpus, string index) => new CorpusImporter(corpus.Database) { IndexPath = index }.Import(corpus.Articles);

    static string WriteIndex(TestCorpus corpus, string text)
    {
        var path = Path.Combine(corpus.Root, "index.tsv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_index_gives_days_titles_and_outlets_and_the_file_s_own_header_wins()
    {
        using var corpus = new TestCorpus();
        corpus.Write("010_00000000000000a1.txt", "date 2023-10\ntitle: Le titre du fichier\n\nLe Mali signe un accord avec Moscou.");
        var index = WriteIndex(corpus, "file\tday\ttitle\tsource\turl\n"
            + "000_cd73a028ba1b9d44.txt\t2023-10-05\tLe Burkina suit le Mali\tLe Faso\thttps://lefaso.net/1\n"
            + "010_00000000000000a1.txt\t2023-10-09\tLe titre de l’index\tRFI\tpas une adresse\n"
            + "004_85765fc0af500544.txt\t2023-12-01\tAutre mois\t\t\n"
            + "999_missing.txt\t2023-10-01\tPerdu\t\t\n");
        var report = Import(corpus, index);
        Assert.Equal(3, report.Imported);
        Assert.Equal("2023-10|5|Le Burkina suit le Mali|Le Faso|https://lefaso.net/1",
            corpus.Scalar<string>($"SELECT month || '|' || day || '|' || title || '|' || source || '|' || url FROM articles WHERE id = '{TestCorpus.Seed000}'"));
        Assert.Equal("Le titre du fichier|9|RFI", corpus.Scalar<string>("SELECT title || '|' || day || '|' || source FROM articles WHERE id = '00000000000000a1'"));
        Assert.Equal(0, corpus.Scalar<int>($"SELECT count(*) FROM articles WHERE id = '{TestCorpus.Seed004}' AND day IS NOT NULL"));
        Assert.Equal(
            ["004_85765fc0af500544.txt: index.tsv:4: the index dates it 2023-12-01, the file 2023-11 (the file's date is kept)",
             "010_00000000000000a1.txt: index.tsv:3: url 'pas une adresse' is not an absolute http(s) address (ignored)",
             "index.tsv:5: 999_missing.txt is not in the folder"],
            report.Warnings.Select(w => w.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_changed_row_reads_its_file_again_and_nothing_else()
    {
        using var corpus = new TestCorpus();
        var index = WriteIndex(corpus, "file,date,title\n000_cd73a028ba1b9d44.txt,2023-10-05,Premier titre\n004_85765fc0af500544.txt,2023-11-20,Second titre\n");
        Import(corpus, index);
        var again = Import(corpus, index);
        Assert.Equal((0, 0, 2), (again.Imported, again.Updated, again.Unchanged));

        WriteIndex(corpus, "file,date,title\n000_cd73a028ba1b9d44.txt,2023-10-05,Premier titre\n004_85765fc0af500544.txt,2023-11-21,Titre changé\n");
        var changed = Import(corpus, index);
        Assert.Equal((0, 1, 1), (changed.Imported, changed.Updated, changed.Unchanged));
        Assert.Equal("Titre changé|21", corpus.Scalar<string>($"SELECT title || '|' || day FROM articles WHERE id = '{TestCorpus.Seed004}'"));

        // Without the index, the files are what they say.
        var without = corpus.Import();
        Assert.Equal((0, 2), (without.Imported, without.Updated));
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM articles WHERE day IS NOT NULL"));
    }

    [Fact]
    public void Bad_index_rows_are_warnings_with_their_line()
    {
        using var corpus = new TestCorpus();
        var index = WriteIndex(corpus, "file\tday\n000_cd73a028ba1b9d44.txt\t2023-10-32\n000_cd73a028ba1b9d44.txt\t2023-10-01\n\t2023-10-01\n");
        var report = Import(corpus, index);
        Assert.Equal(2, report.Imported);
        Assert.Equal(
            ["000_cd73a028ba1b9d44.txt: index.tsv:2: invalid day 32 in '2023-10-32' (ignored)",
             "index.tsv:3: 000_cd73a028ba1b9d44.txt is already described on line 2 (this row is ignored)",
             "index.tsv:4: no file name"],
            report.Warnings.Select(w => w.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_wikinews_set_imports_with_the_days_and_titles_of_its_index()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Data", "wikinews-fr-2012");
        using var corpus = new TestCorpus(withSeeds: false);
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "articles"), "*.txt")) File.Copy(file, Path.Combine(corpus.Articles, Path.GetFileName(file)));
        var report = Import(corpus, Path.Combine(folder, "index.tsv"));
        Assert.Equal(95, report.Imported);
        Assert.Empty(report.Rejected);
        Assert.Empty(report.Warnings);
        Assert.Equal(95, corpus.Scalar<int>("SELECT count(*) FROM articles WHERE day IS NOT NULL"));
        Assert.Equal("2012-05|29|France : encore un suicide de postier en Bretagne",
            corpus.Scalar<string>("SELECT month || '|' || day || '|' || title FROM articles WHERE id = 'eb05acf716bca080'"));
    }
}
