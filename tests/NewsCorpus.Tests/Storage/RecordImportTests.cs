using NewsCorpus.Articles;
using NewsCorpus.Storage;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Storage;

/// <summary>Day dates and metadata in the store, and JSON Lines and CSV exports imported beside the article files.</summary>
public class RecordImportTests
{
    const string Jsonl = """
        {"id": "lm-1", "date": "2023-10-05", "source": "Le Monde", "title": "Accord militaire", "url": "https://lemonde.fr/1", "author": "Jeanne Martin", "text": "Bamako a signé jeudi un accord militaire avec Moscou.\n\nLes livraisons commencent en novembre."}
        {"id": "lm-2", "date": "2023-11-20", "source": "Le Monde", "text": "Ouagadougou accueille les ingénieurs de Rosatom pour étudier le site de la centrale."}
        {"id": "lm-3", "date": "2023-13-01", "source": "Le Monde", "text": "Une date impossible."}
        pas du JSON
        {"id": "rfi-1", "date": "2023-11", "source": "RFI", "url": "ftp://rfi.fr/x", "text": "Niamey et Moscou discutent d'uranium et de sécurité au Sahel."}
        """;

    const string Csv = "id,date,source,title,text\r\n"
        + "c1,2023-12-01,Jeune Afrique,\"Le Mali, la Russie\",\"Bamako reçoit une délégation russe.\r\n\r\nLa visite dure trois jours.\"\r\n"
        + "c2,2023-12-02,Jeune Afrique,,Trop,de champs\r\n";

    static TestCorpus MixedFolder()
    {
        var corpus = new TestCorpus();
        corpus.Write("010_00000000000000a1.txt", "date 2023-10-12\nsource: Le Monde\ntitle: Le Burkina Faso et Rosatom\nurl: https://lemonde.fr/2\n\nLe Burkina Faso signe avec Rosatom pour une centrale nucléaire.");
        corpus.Write("011_00000000000000a2.txt", "date 2023-10-12\nsource: Le Monde\nurl: lemonde.fr/3\n\nLe Mali reçoit des hélicoptères russes à Bamako.");
        corpus.Write("export.jsonl", Jsonl);
        corpus.Write("export.csv", Csv);
        return corpus;
    }

    [Fact]
    public void A_mixed_folder_imports_files_and_records_with_named_rejections()
    {
        using var corpus = MixedFolder();
        var report = corpus.Import();
        // 2 seeds + 2 files + 3 JSON Lines records + 1 CSV record.
        Assert.Equal(8, report.Imported);
        Assert.Equal(
            ["export.csv:5: 6 fields where the header has 5", "export.jsonl:3: invalid month 13 in '2023-13-01'", "export.jsonl:4: invalid JSON: 'p' is an invalid start of a value."],
            report.Rejected.Select(r => r.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["011_00000000000000a2.txt:3: url 'lemonde.fr/3' is not an absolute http(s) address (ignored)", "export.jsonl:5: url 'ftp://rfi.fr/x' is not an absolute http(s) address (ignored)"],
            report.Warnings.Select(w => w.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(8, corpus.Scalar<int>("SELECT count(*) FROM articles"));
        Assert.Equal(4, corpus.Scalar<int>("SELECT count(*) FROM articles WHERE source = 'Le Monde'"));
        Assert.Equal(2, corpus.Scalar<int>("SELECT count(*) FROM articles WHERE source IS NULL"));
        Assert.Equal("2023-10|5|Accord militaire|https://lemonde.fr/1|Jeanne Martin|export.jsonl",
            corpus.Scalar<string>("SELECT month || '|' || day || '|' || title || '|' || url || '|' || author || '|' || file_name FROM articles WHERE title = 'Accord militaire'"));
        Assert.Equal("Le Burkina Faso et Rosatom", corpus.Scalar<string>("SELECT title FROM articles WHERE id = '00000000000000a1'"));
        Assert.Equal(12, corpus.Scalar<int>("SELECT day FROM articles WHERE id = '00000000000000a1'"));
        Assert.Equal(0, corpus.Scalar<int>($"SELECT count(*) FROM articles WHERE id = '{TestCorpus.Seed000}' AND day IS NOT NULL"));
        Assert.Equal("Le Mali, la Russie", corpus.Scalar<string>("SELECT title FROM articles WHERE source = 'Jeune Afrique'"));
        // Records are searchable like any article.
        Assert.Equal(1, corpus.IndexedWith("niamey"));
    }

    [Fact]
    public void Importing_again_changes_nothing_and_reports_the_same_rejections()
    {
        using var corpus = MixedFolder();
        var first = corpus.Import();
        var again = corpus.Import();
        Assert.Equal((0, 0, 8, 0), (again.Imported, again.Updated, again.Unchanged, again.Removed));
        Assert.Equal(first.Rejected.Select(r => r.ToString()).Order(), again.Rejected.Select(r => r.ToString()).Order());

        // Touched but not changed: read again, every record found unchanged.
        File.SetLastWriteTimeUtc(Path.Combine(corpus.Articles, "export.jsonl"), DateTime.UtcNow.AddHours(2));
        var touched = corpus.Import();
        Assert.Equal((0, 0, 8, 0), (touched.Imported, touched.Updated, touched.Unchanged, touched.Removed));
        Assert.Equal(3, touched.Rejected.Count);
    }

    [Fact]
    public void A_changed_record_is_updated_a_removed_one_removed_and_a_vanished_file_takes_its_records()
    {
        using var corpus = MixedFolder();
        corpus.Import();
        var lines = Jsonl.Split('\n').ToList();
        lines[1] = lines[1].Replace("étudier le site", "choisir le site");
        lines.RemoveAt(4);   // rfi-1
        lines.Insert(0, "");  // every record moves down a line
        corpus.Write("export.jsonl", string.Join("\n", lines));
        var report = corpus.Import();
        Assert.Equal((0, 1, 6, 1), (report.Imported, report.Updated, report.Unchanged, report.Removed));
        Assert.Contains("export.jsonl:4: invalid month 13 in '2023-13-01'", report.Rejected.Select(r => r.ToString()));
        Assert.Equal(1, corpus.IndexedWith("choisir"));
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM articles WHERE source = 'RFI'"));

        File.Delete(Path.Combine(corpus.Articles, "export.jsonl"));
        var gone = corpus.Import();
        Assert.Equal(2, gone.Removed);
        Assert.Equal(5, corpus.Scalar<int>("SELECT count(*) FROM articles"));
        Assert.DoesNotContain(gone.Rejected, r => r.FileName == "export.jsonl");
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM meta WHERE key LIKE 'records:%export.jsonl'"));
    }

    [Fact]
    public void A_record_repeating_an_id_and_a_record_copying_an_article_are_named_by_line()
    {
        using var corpus = new TestCorpus();
        var seedLead = ArticleParser.Parse("s.txt", File.ReadAllBytes(Path.Combine(corpus.Articles, "000_cd73a028ba1b9d44.txt"))).Article!;
        var copy = System.Text.Json.JsonSerializer.Serialize(new { date = "2023-10", text = seedLead.PlainBody });
        corpus.Write("more.ndjson", $$"""
            {"id": "x", "date": "2023-10", "text": "Le premier texte."}
            {"id": "x", "date": "2023-10", "text": "Le second texte, même id."}
            {{copy}}
            """);
        var report = corpus.Import();
        Assert.Equal(3, report.Imported);
        Assert.Equal("more.ndjson:2: id " + ArticleParser.RecordId(new("x", null, null, null, null, null, null), "") + " is already used by the record of line 1",
            Assert.Single(report.Rejected).ToString());
        var dup = Assert.Single(report.Duplicates);
        Assert.Equal(("more.ndjson:3", TestCorpus.Seed000), (dup.FileName, dup.OriginalId));

        // The copy's original goes away: the copy becomes the article.
        File.Delete(Path.Combine(corpus.Articles, "000_cd73a028ba1b9d44.txt"));
        var after = corpus.Import();
        Assert.Equal(1, after.Imported);
        Assert.Empty(after.Duplicates);
        Assert.Equal(1, corpus.Scalar<int>("SELECT count(*) FROM articles WHERE file_name = 'more.ndjson' AND body LIKE '%Burkina Faso, suivant les traces%'"));
    }

    [Fact]
    public void One_file_imports_alone_in_the_format_given_leaving_the_rest_of_its_folder_alone()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        var path = corpus.Write("dump.data", "date\ttext\n2023-09-30\tLe Niger et la Russie discutent.\n");
        var report = new CorpusImporter(corpus.Database).Import(path, format: ArticleFormat.Csv);
        Assert.Equal((1, 0, 0), (report.Imported, report.Unchanged, report.Removed));
        Assert.Equal(3, corpus.Scalar<int>("SELECT count(*) FROM articles"));
        Assert.Equal(30, corpus.Scalar<int>("SELECT day FROM articles WHERE file_name = 'dump.data'"));
        var again = new CorpusImporter(corpus.Database).Import(path, format: ArticleFormat.Csv);
        Assert.Equal((0, 1, 0), (again.Imported, again.Unchanged, again.Removed));
        // The folder's own import keeps the seeds and drops the file it does not list.
        var folder = corpus.Import();
        Assert.Equal((2, 1), (folder.Unchanged, folder.Removed));
    }

    [Fact]
    public void A_records_file_with_no_usable_header_is_one_rejection_and_the_rest_imports()
    {
        using var corpus = new TestCorpus();
        corpus.Write("index.csv", "file,day,title\n001.txt,2012-05-29,Un titre\n");   // a sidecar index, not an export
        var report = corpus.Import();
        Assert.Equal(2, report.Imported);
        Assert.Equal("index.csv:1: no 'text' column: the header names 'file', 'day', 'title'", Assert.Single(report.Rejected).ToString());
    }
}
