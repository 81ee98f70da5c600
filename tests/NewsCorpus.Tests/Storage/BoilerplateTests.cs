using System.Data.Common;
using NewsCorpus.Articles;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Storage.Postgres;
using NewsCorpus.Tests.Support;
using Npgsql;

namespace NewsCorpus.Tests.Storage;

/// <summary>
/// Paragraphs repeated across many stories (boilerplate) are kept out of search, on both stores. The articles are
/// real Wikinews text (Data/boilerplate, Wikinews contributors, CC BY 2.5): a newsletter promotion added to six
/// unrelated stories, a quote added to five articles that are four stories (042 and its version 100).
/// </summary>
public abstract class BoilerplateTests
{
    protected virtual bool OnPostgres => false;

    /// <summary>The stories carrying the promotion, whose word "infolettre" occurs nowhere else.</summary>
    static readonly string[] Promoted = ["2b30b68f508618f9", "330941ee42b6b0f9", "5337c31597fe9584", "7fcdb0cbce04ba90", "cd84ce1eb65bfe05", "eb05acf716bca080"];
    /// <summary>The articles carrying the quote, whose word "vigilants" occurs nowhere else: 042, its version 100, 052, 073, 090.</summary>
    static readonly string[] Quoted = ["0425e0e0d1f0e0a2", "049ac9abefb8ecf1", "25247b6e750e6519", "3251b2fd39b40f83", "a4ac4ee523f32949"];
    /// <summary>020, which names Africa in its own text.</summary>
    const string Francophonie = "f259ae958aa7e023";

    /// <summary>The test articles in a throw-away store, published to a PostgreSQL database of their own on PostgreSQL.</summary>
    protected sealed class Store : IDisposable
    {
        public TestCorpus Corpus { get; } = new(withSeeds: false);
        readonly string? postgres;

        public Store(bool onPostgres)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "boilerplate"), "*.txt"))
                File.Copy(file, Path.Combine(Corpus.Articles, Path.GetFileName(file)));
            if (onPostgres) postgres = PostgresServer.CreateDatabase();
        }

        public PublishReport? Published { get; private set; }

        public ImportReport Import()
        {
            var report = Corpus.Import();
            if (postgres is not null) Published = new PostgresPublisher(postgres).Publish(Corpus.Database);
            return report;
        }

        /// <summary>The articles the vocabulary (word forms found, suggestions) says use a folded word.</summary>
        public long ArticlesUsing(string folded)
        {
            using var connection = Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT coalesce(sum(docs), 0) FROM words WHERE folded = '{folded}'";
            return Convert.ToInt64(cmd.ExecuteScalar());
        }

        public void Remove(string fileName) => File.Delete(Path.Combine(Corpus.Articles, fileName));

        public DbConnection Open()
        {
            if (postgres is null) return Corpus.Open();
            var connection = new NpgsqlConnection(postgres);
            connection.Open();
            return connection;
        }

        public SearchResults Search(string q)
        {
            using var connection = Open();
            return CorpusSearch.For(connection).Search(SearchRequest.FromForm(q, null, null, null, null));
        }

        public List<string> Ids(string q) => Search(q).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToList();

        /// <summary>The store's boilerplate and every article's search text, to compare a store before and after.</summary>
        public List<string> State()
        {
            using var connection = Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                SELECT 'b' || paragraph_hash || ':' || articles FROM boilerplate
                UNION ALL SELECT 'a' || id || ':' || coalesce(boilerplate, '') || ':' || coalesce(search_body, '') FROM articles
                """;
            using var reader = cmd.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read()) rows.Add(reader.GetString(0));
            return rows.Order(StringComparer.Ordinal).ToList();
        }

        public void Dispose()
        {
            Corpus.Dispose();
            if (postgres is not null) PostgresServer.DropDatabase(postgres);
        }
    }

    [StoreFact]
    public void A_word_only_in_boilerplate_finds_nothing_and_the_same_paragraph_in_fewer_stories_stays_content()
    {
        using var store = new Store(OnPostgres);
        store.Import();
        Assert.Empty(store.Ids("infolettre"));
        Assert.Empty(store.Ids("\"infolettre\""));
        Assert.Empty(store.Ids("\"inscrivez-vous en quelques secondes\""));
        Assert.Equal(0, store.ArticlesUsing("infolettre"));   // nor offered as a word form or a suggestion
        // Five articles, but 042 and 100 are versions of one story: four stories, so the quote is content.
        Assert.Equal(Quoted, store.Ids("vigilants"));
    }

    [StoreFact]
    public void A_word_of_the_boilerplate_is_still_found_where_it_is_real_content()
    {
        using var store = new Store(OnPostgres);
        store.Import();
        Assert.Equal([Francophonie], store.Ids("Afrique"));
        Assert.Equal(1, store.ArticlesUsing("afrique"));
    }

    [StoreFact]
    public void Snippets_are_not_cut_from_boilerplate()
    {
        using var store = new Store(OnPostgres);
        store.Import();
        // 001 says "site" in its own text ("le site de Noyal-sur-Vilaine"); its promotion says "site", "semaine" and
        // "gratuitement" close together, the densest cluster of matches if it were content.
        var hit = store.Search("site OR semaine OR gratuitement").Hits.Single(h => h.Id == "eb05acf716bca080");
        Assert.Contains("Noyal", hit.SnippetHtml);
        Assert.DoesNotContain("infolettre", hit.SnippetHtml);
    }

    [StoreFact]
    public void The_concordance_has_no_line_from_boilerplate()
    {
        using var store = new Store(OnPostgres);
        store.Import();
        using var connection = store.Open();
        var lines = NewsCorpus.Research.Concordance.Lines(connection, SearchRequest.FromForm("site", null, null, null, null)).ToList();
        Assert.Contains(lines, l => l.ArticleId == "eb05acf716bca080" && l.Right.Contains("Noyal"));
        Assert.DoesNotContain(lines, l => (l.Left + l.Right).Contains("infolettre"));
    }

    [StoreFact]
    public void The_versions_of_one_story_count_once_and_a_fifth_story_makes_the_quote_boilerplate()
    {
        using var store = new Store(OnPostgres);
        store.Import();
        // 042 and 100 are found to be one story: the premise of the count.
        Assert.Equal(1, store.Corpus.Scalar<long>("SELECT count(DISTINCT cluster_key) FROM articles WHERE id IN ('25247b6e750e6519', '0425e0e0d1f0e0a2') AND cluster_key IS NOT NULL"));
        Assert.Equal(2, store.Corpus.Scalar<long>("SELECT count(*) FROM articles WHERE id IN ('25247b6e750e6519', '0425e0e0d1f0e0a2') AND cluster_key IS NOT NULL"));
        Assert.Equal(Quoted, store.Ids("vigilants"));

        var quote = File.ReadAllLines(Path.Combine(store.Corpus.Articles, "042_25247b6e750e6519.txt")).Last(l => l.Length > 0);
        store.Corpus.Write("101_00000000000000f5.txt", "date 2012-12\n\nTélévision : une émission en hommage\n\n" +
            "Les anciens collègues du journaliste se sont réunis samedi dans un studio parisien pour une émission spéciale.\n\n" + quote + "\n");
        store.Import();
        Assert.Empty(store.Ids("vigilants"));
        Assert.Equal(0, store.ArticlesUsing("vigilants"));
    }

    [StoreFact]
    public void Removing_stories_under_the_threshold_makes_the_paragraph_searchable_again()
    {
        using var store = new Store(OnPostgres);
        store.Import();
        Assert.Empty(store.Ids("infolettre"));
        store.Remove("005_330941ee42b6b0f9.txt");
        store.Remove("006_7fcdb0cbce04ba90.txt");
        store.Import();
        Assert.Equal(["2b30b68f508618f9", "5337c31597fe9584", "cd84ce1eb65bfe05", "eb05acf716bca080"], store.Ids("infolettre"));
        Assert.Equal(4, store.ArticlesUsing("infolettre"));
        Assert.Contains(Francophonie, store.Ids("Afrique"));
        Assert.Equal(5, store.Ids("Afrique").Count);

        // What the increments left is what a first import of the folder as it now stands gives.
        using var fresh = new TestCorpus(withSeeds: false);
        foreach (var file in Directory.GetFiles(store.Corpus.Articles)) File.Copy(file, Path.Combine(fresh.Articles, Path.GetFileName(file)));
        fresh.Import();
        foreach (var query in new[] { "SELECT form || ':' || docs || ':' || occurrences FROM words", "SELECT paragraph_hash || ':' || articles FROM boilerplate" })
            Assert.Equal(Rows(fresh, query), Rows(store.Corpus, query));
    }

    static List<string> Rows(TestCorpus corpus, string sql)
    {
        using var connection = corpus.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows.Order(StringComparer.Ordinal).ToList();
    }

    [StoreFact]
    public void Importing_the_same_folder_again_changes_nothing()
    {
        using var store = new Store(OnPostgres);
        store.Import();
        var before = store.State();
        Assert.Contains(before, row => row.StartsWith('b') && row.EndsWith(":6"));
        var again = store.Import();
        Assert.Equal((0, 0, 12), (again.Imported, again.Updated, again.Unchanged));
        Assert.Equal(before, store.State());
        if (store.Published is { } published) Assert.Equal((0, 0), (published.Inserted, published.Deleted));
        Assert.Empty(store.Ids("infolettre"));
    }
}

public sealed class BoilerplateTestsOnSqlite : BoilerplateTests;

[OnPostgres]
public sealed class BoilerplateTestsOnPostgres : BoilerplateTests
{
    protected override bool OnPostgres => true;
}

/// <summary>The paragraph identity and the store's text round trip the boilerplate relies on.</summary>
public sealed class BoilerplateParagraphTests
{
    [Fact]
    public void Case_accents_punctuation_and_spacing_do_not_change_a_paragraph()
    {
        var hash = Boilerplate.ParagraphHash("Chaque semaine, recevez gratuitement notre infolettre consacrée à l'Afrique.");
        Assert.NotNull(hash);
        Assert.Equal(hash, Boilerplate.ParagraphHash("CHAQUE  semaine recevez gratuitement notre infolettre consacree a l’Afrique !"));
        Assert.NotEqual(hash, Boilerplate.ParagraphHash("Chaque semaine, recevez gratuitement notre infolettre consacrée à l'Asie."));
    }

    [Fact]
    public void Short_paragraphs_headings_and_the_lead_are_never_boilerplate()
    {
        Assert.Null(Boilerplate.ParagraphHash("Lire aussi : la suite de notre enquête"));
        var sentence = "Chaque semaine, recevez gratuitement notre infolettre consacrée à l'Afrique.";
        var hashes = Boilerplate.Hashes([new Block(BlockKind.Paragraph, sentence), new Block(BlockKind.Heading, sentence), new Block(BlockKind.Paragraph, sentence)]);
        Assert.Equal([null, null, Boilerplate.ParagraphHash(sentence)], hashes);
    }

    static IEnumerable<ParsedArticle> WikinewsArticles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "boilerplate"), "*.txt")
            .Select(f => ArticleParser.Parse(Path.GetFileName(f), File.ReadAllBytes(f), YearMonth.FromDate(DateTime.UtcNow)).Article!);

    // The import hashes an article's blocks as parsed; the page and the rewrite of the search text hash the blocks
    // read back from the stored Markdown. Both must see the same paragraphs and index the same words.
    [Fact]
    public void Blocks_read_back_from_the_stored_body_hash_and_index_as_the_parsed_ones()
    {
        var extractor = new NewsCorpus.Entities.EntityExtractor(NewsCorpus.Entities.EntityAliases.Default);
        foreach (var article in WikinewsArticles().Append(ArticleParser.Parse("x.txt",
                     "date 2012-05\n\nLe titre.\n\n- Un tiret en tête d'un paragraphe assez long pour compter ici.\n\nUne *étoile* et un _trait_ à Bamako / AFP\n\n1. Une liste qui n'en est pas une, mais assez longue."u8.ToArray(),
                     YearMonth.FromDate(DateTime.UtcNow)).Article!))
        {
            var analysis = ArticleAnalysis.Of(article, extractor);
            var stored = ArticleMarkdown.ToBlocks(analysis.Markdown);
            Assert.Equal(analysis.Markdown, ArticleMarkdown.FromBlocks(stored));
            Assert.Equal(Boilerplate.Hashes(article.Blocks), Boilerplate.Hashes(stored));
            var (headings, body) = ArticleAnalysis.IndexTexts(stored);
            Assert.Equal((analysis.Headings, analysis.Body), (headings, body));
        }
    }
}
