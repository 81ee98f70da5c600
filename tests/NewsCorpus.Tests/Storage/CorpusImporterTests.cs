using NewsCorpus.Storage;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Storage;

public class CorpusImporterTests
{
    [Fact]
    public void Imports_the_seeds_with_their_countries()
    {
        using var corpus = new TestCorpus();
        var report = corpus.Import();
        Assert.Equal(2, report.Imported);
        Assert.Empty(report.Rejected);
        Assert.Equal(2, corpus.Scalar<int>("SELECT count(*) FROM articles"));
        Assert.Equal("2023-10", corpus.Scalar<string>($"SELECT month FROM articles WHERE id = '{TestCorpus.Seed000}'"));
        foreach (var iso2 in new[] { "ml", "bf", "ru" })
            Assert.Equal(2, corpus.Scalar<int>($"SELECT count(*) FROM article_countries WHERE iso2 = '{iso2}'"));
    }

    [Fact]
    public void Importing_the_same_folder_again_changes_nothing()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        var again = corpus.Import();
        Assert.Equal((0, 0, 2, 0), (again.Imported, again.Updated, again.Unchanged, again.Removed));
        Assert.Equal(2, corpus.Scalar<int>("SELECT count(*) FROM articles"));
        Assert.Equal(2, corpus.Indexed());
    }

    [Fact]
    public void A_file_touched_but_not_changed_is_unchanged()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        var path = Path.Combine(corpus.Articles, "000_cd73a028ba1b9d44.txt");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(1));
        var again = corpus.Import();
        Assert.Equal((0, 0, 2), (again.Imported, again.Updated, again.Unchanged));
    }

    [Fact]
    public void A_changed_file_updates_its_article_and_its_index()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        corpus.Write("000_cd73a028ba1b9d44.txt", "date 2023-12 Le Niger signe un accord avec Rosatom.\n\nSuite de l’article.");
        var report = corpus.Import();
        Assert.Equal((0, 1, 1), (report.Imported, report.Updated, report.Unchanged));
        Assert.Equal("2023-12", corpus.Scalar<string>($"SELECT month FROM articles WHERE id = '{TestCorpus.Seed000}'"));
        Assert.Equal(2, corpus.Scalar<int>("SELECT count(*) FROM articles"));
        Assert.Equal(2, corpus.IndexedWith("rosatom"));
        // The old text is gone from the index and from the vocabulary.
        Assert.Equal(0, corpus.IndexedWith("traore"));
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM words WHERE form = 'traore'"));
    }

    [Fact]
    public void A_deleted_file_removes_its_article()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        File.Delete(Path.Combine(corpus.Articles, "000_cd73a028ba1b9d44.txt"));
        var report = corpus.Import();
        Assert.Equal(1, report.Removed);
        Assert.Equal(1, corpus.Scalar<int>("SELECT count(*) FROM articles"));
        Assert.Equal(1, corpus.Indexed());
        Assert.Equal(0, corpus.Scalar<int>($"SELECT count(*) FROM article_countries WHERE article_key NOT IN (SELECT article_key FROM articles)"));
    }

    [Fact]
    public void Rejected_files_are_reported_and_the_others_still_import()
    {
        using var corpus = new TestCorpus();
        corpus.Write("010_00000000000000aa.txt", "Pas de date ici.\n\nTexte.");
        corpus.Write("011_00000000000000bb.txt", "date 2024-13 Mois impossible.");
        corpus.Write("012_00000000000000cc.txt", "");
        corpus.Write("013_00000000000000dd.txt", "date 2024-01\n\n");
        var report = corpus.Import();
        Assert.Equal(2, report.Imported);
        Assert.Equal(
            ["010_00000000000000aa.txt:1: no date line: the first line must be 'date YYYY-MM' or 'date YYYY-MM-DD'",
             "011_00000000000000bb.txt:1: invalid month 13 in '2024-13'",
             "012_00000000000000cc.txt: empty file",
             "013_00000000000000dd.txt:1: no body text after the date line"],
            report.Rejected.Select(r => r.ToString()));
        // Still reported at the next import, until fixed.
        Assert.Equal(4, corpus.Import().Rejected.Count);
        corpus.Write("010_00000000000000aa.txt", "date 2024-02 Maintenant daté.");
        var fixedReport = corpus.Import();
        Assert.Equal(1, fixedReport.Imported);
        Assert.Equal(3, fixedReport.Rejected.Count);
    }

    [Fact]
    public void An_exact_duplicate_is_reported_and_linked_not_listed()
    {
        using var corpus = new TestCorpus();
        File.Copy(Path.Combine(corpus.Articles, "004_85765fc0af500544.txt"), Path.Combine(corpus.Articles, "007_1111111111111111.txt"));
        var report = corpus.Import();
        Assert.Equal(2, report.Imported);
        var dup = Assert.Single(report.Duplicates);
        Assert.Equal(("007_1111111111111111.txt", "1111111111111111", TestCorpus.Seed004), (dup.FileName, dup.Id, dup.OriginalId));
        Assert.Equal(2, corpus.Scalar<int>("SELECT count(*) FROM articles"));

        // When the original goes, the copy becomes the article.
        File.Delete(Path.Combine(corpus.Articles, "004_85765fc0af500544.txt"));
        var after = corpus.Import();
        Assert.Equal(1, after.Imported);
        Assert.Equal(1, corpus.Scalar<int>("SELECT count(*) FROM articles WHERE id = '1111111111111111'"));
    }

    [Fact]
    public void Two_files_claiming_the_same_id_keep_the_first()
    {
        using var corpus = new TestCorpus();
        corpus.Write("009_85765fc0af500544.txt", "date 2023-12 Un autre texte avec le même identifiant.");
        var report = corpus.Import();
        var rejected = Assert.Single(report.Rejected);
        Assert.Contains("already used by 004_85765fc0af500544.txt", rejected.Reason);
    }

    [Fact]
    public void A_cancelled_import_leaves_the_previous_corpus_intact()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        for (int i = 0; i < 5; i++) corpus.Write($"1{i:00}_00000000000000{i:x2}.txt", $"date 2024-0{i + 1} Article numéro {i}.");
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(3, cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => new CorpusImporter(corpus.Database).Import(corpus.Articles, progress, cancel.Token));
        Assert.Equal(2, corpus.Scalar<int>("SELECT count(*) FROM articles"));
        Assert.Equal(7, corpus.Import().Imported + 2);
    }

    sealed class CancelAfter(int count, CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Done >= count) cancel.Cancel();
        }
    }

    [Fact]
    public void A_store_with_another_schema_version_is_rebuilt()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        using (var connection = corpus.Open())
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "PRAGMA user_version = 999";
            cmd.ExecuteNonQuery();
        }
        var report = corpus.Import();
        Assert.Equal(2, report.Imported);
        Assert.Equal(CorpusSchema.Version, corpus.Scalar<int>("PRAGMA user_version"));
    }

    [Fact]
    public void Files_are_read_in_numeric_order()
    {
        using var corpus = new TestCorpus(withSeeds: false);
        corpus.Write("1000_000000000000000a.txt", "date 2023-01 Mille.");
        corpus.Write("999_000000000000000b.txt", "date 2023-01 Neuf cent quatre-vingt-dix-neuf.");
        corpus.Write("20_000000000000000c.txt", "date 2023-01 Vingt.");
        Assert.Equal(["20_000000000000000c.txt", "999_000000000000000b.txt", "1000_000000000000000a.txt"],
            ArticleFolder.List(corpus.Articles).Entries.Select(f => f.Name));
    }
}

public class NearDuplicateImportTests
{
    [Fact]
    public void Removing_a_version_dissolves_its_cluster()
    {
        using var corpus = new TestCorpus();
        var original = File.ReadAllText(Path.Combine(corpus.Articles, "000_cd73a028ba1b9d44.txt"));
        corpus.Write("001_00000000000000d2.txt", original.Replace("Le 5 octobre", "Le 6 octobre"));
        corpus.Import();
        Assert.Equal(2, corpus.Scalar<int>("SELECT count(*) FROM articles WHERE cluster_size = 2"));
        File.Delete(Path.Combine(corpus.Articles, "001_00000000000000d2.txt"));
        corpus.Import();
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM articles WHERE cluster_key IS NOT NULL"));
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM near_duplicates"));
        Assert.Equal(2, corpus.Scalar<int>("SELECT count(*) FROM article_signatures"));
    }
}

public class CountryStatsTests
{
    [Fact]
    public void Country_counts_follow_the_articles_through_imports()
    {
        using var corpus = new TestCorpus();
        corpus.Import();
        Assert.Equal(1, corpus.Scalar<int>("SELECT articles FROM country_months WHERE iso2 = 'ml' AND month = '2023-10'"));
        Assert.Equal(2, corpus.Scalar<int>("SELECT articles FROM country_pairs WHERE iso2 = 'ml' AND other = 'ru'"));
        Assert.Equal(1, corpus.Scalar<int>("SELECT c.articles FROM country_entities c JOIN entities e ON e.entity_key = c.entity_key WHERE c.iso2 = 'bf' AND e.slug = 'rosatom'"));

        File.Delete(Path.Combine(corpus.Articles, "004_85765fc0af500544.txt"));
        corpus.Import();
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM country_months WHERE month = '2023-11'"));
        Assert.Equal(1, corpus.Scalar<int>("SELECT articles FROM country_pairs WHERE iso2 = 'ml' AND other = 'ru'"));
        Assert.Equal(0, corpus.Scalar<int>("SELECT count(*) FROM country_entities c JOIN entities e ON e.entity_key = c.entity_key WHERE e.slug = 'rosatom'"));
    }
}
