using Microsoft.Data.Sqlite;

namespace NewsCorpus.Storage;

/// <summary>
/// The store is derived data, rebuilt from the article files, so the schema lives here in code with a
/// version stamp (PRAGMA user_version) instead of migrations: a file with another version is emptied and rebuilt.
/// </summary>
public static class CorpusSchema
{
    public const int Version = 13;   // 13: the full-text index moves to Lucene, beside the store (FullTextIndex); 12: a text's own headline is a block of its own, not the lead; 11: day, source, url, author (issue 16); 10: names kept whole in the index, boilerplate, entities from the lexicon and gazetteer

    const string Ddl = """
        CREATE TABLE articles (
            article_key  INTEGER PRIMARY KEY,
            id           TEXT NOT NULL UNIQUE,
            file_name    TEXT NOT NULL,
            source_path  TEXT NOT NULL UNIQUE,
            number       INTEGER,
            month        TEXT NOT NULL,
            day          INTEGER,           -- 1-31 when the file gives the day; NULL when it is dated to the month
            source       TEXT,              -- the outlet, as the file names it; NULL when it does not say
            url          TEXT,              -- the article's address at its outlet
            author       TEXT,
            title        TEXT NOT NULL,
            lead         TEXT NOT NULL,
            headings     TEXT NOT NULL,
            body         TEXT NOT NULL,
            search_body  TEXT,              -- the body without its boilerplate paragraphs, for the index and snippets; NULL: the body
            boilerplate  TEXT,              -- the hashes of those paragraphs (BoilerplateIndex.Marker); NULL when none
            body_hash    TEXT NOT NULL,
            file_hash    TEXT NOT NULL,
            file_size    INTEGER NOT NULL,
            file_ticks   INTEGER NOT NULL,
            word_count   INTEGER NOT NULL,
            warnings     TEXT,
            cluster_key  INTEGER,           -- smallest article_key of its near-duplicate cluster; NULL when alone
            cluster_size INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX ix_articles_month ON articles (month, day, number, id);
        CREATE INDEX ix_articles_body_hash ON articles (body_hash);
        CREATE INDEX ix_articles_source ON articles (source, month) WHERE source IS NOT NULL;
        CREATE INDEX ix_articles_cluster ON articles (cluster_key) WHERE cluster_key IS NOT NULL;

        CREATE TABLE article_countries (
            iso2         TEXT NOT NULL,
            article_key  INTEGER NOT NULL REFERENCES articles (article_key) ON DELETE CASCADE,
            mentions     INTEGER NOT NULL,
            in_lead      INTEGER NOT NULL,
            weight       INTEGER NOT NULL,   -- mentions, and more when the lead names the country
            PRIMARY KEY (iso2, article_key)
        ) WITHOUT ROWID;
        CREATE INDEX ix_article_countries_article ON article_countries (article_key);
        -- A country page by relevance reads its heaviest rows first and stops at the page (4 ms instead of 25 s for
        -- Mali at a million articles). Covering, or SQLite, not knowing the page's LIMIT, preferred sorting them all.
        CREATE INDEX ix_article_countries_weight ON article_countries (iso2, weight, mentions, in_lead);

        -- What the extractor found in each article, kept so that entities can be resolved again over the
        -- whole corpus (a new article can merge names across others) without re-reading any text.
        -- One row an article: "kind<TAB>surface" lines, in the order found (one insert, not one per mention).
        CREATE TABLE article_mentions (
            article_key  INTEGER PRIMARY KEY REFERENCES articles (article_key) ON DELETE CASCADE,
            mentions     TEXT NOT NULL
        );

        CREATE TABLE entities (
            entity_key   INTEGER PRIMARY KEY,
            slug         TEXT NOT NULL UNIQUE,
            name         TEXT NOT NULL,
            kind         INTEGER NOT NULL,
            articles     INTEGER NOT NULL,
            mentions     INTEGER NOT NULL
        );

        CREATE TABLE article_entities (
            entity_key   INTEGER NOT NULL,
            article_key  INTEGER NOT NULL,
            mentions     INTEGER NOT NULL,
            surfaces     TEXT NOT NULL,
            PRIMARY KEY (entity_key, article_key)
        ) WITHOUT ROWID;
        CREATE INDEX ix_article_entities_article ON article_entities (article_key);

        -- Near-duplicates: each article's MinHash signature and its LSH band keys, so a new article finds its
        -- candidates with an index lookup instead of a comparison with every other article.
        CREATE TABLE article_signatures (
            article_key  INTEGER PRIMARY KEY REFERENCES articles (article_key) ON DELETE CASCADE,
            signature    BLOB NOT NULL
        );
        CREATE TABLE article_bands (
            band_key     INTEGER NOT NULL,
            article_key  INTEGER NOT NULL REFERENCES articles (article_key) ON DELETE CASCADE,
            PRIMARY KEY (band_key, article_key)
        ) WITHOUT ROWID;
        CREATE INDEX ix_article_bands_article ON article_bands (article_key);
        CREATE TABLE near_duplicates (
            article_key  INTEGER NOT NULL REFERENCES articles (article_key) ON DELETE CASCADE,
            other_key    INTEGER NOT NULL REFERENCES articles (article_key) ON DELETE CASCADE,
            similarity   REAL NOT NULL,
            PRIMARY KEY (article_key, other_key)
        ) WITHOUT ROWID;
        CREATE INDEX ix_near_duplicates_other ON near_duplicates (other_key);

        -- Counts per country, recomputed at the end of an import: country pages and the home page read them
        -- instead of aggregating over most of the corpus on every view.
        CREATE TABLE country_months (
            iso2         TEXT NOT NULL,
            month        TEXT NOT NULL,
            articles     INTEGER NOT NULL,
            mentions     INTEGER NOT NULL,
            PRIMARY KEY (iso2, month)
        ) WITHOUT ROWID;
        CREATE TABLE country_pairs (
            iso2         TEXT NOT NULL,
            other        TEXT NOT NULL,
            articles     INTEGER NOT NULL,
            PRIMARY KEY (iso2, other)
        ) WITHOUT ROWID;
        CREATE TABLE country_entities (
            iso2         TEXT NOT NULL,
            entity_key   INTEGER NOT NULL,
            articles     INTEGER NOT NULL,
            PRIMARY KEY (iso2, entity_key)
        ) WITHOUT ROWID;

        -- Boilerplate (Articles/Boilerplate.cs): the articles holding each paragraph long enough to count, by the hash of
        -- its folded words, and the paragraphs that occur in enough stories to be boilerplate, with their articles.
        -- No foreign key: the importer deletes an article's rows itself, and reads back which paragraphs they were.
        CREATE TABLE article_paragraphs (
            paragraph_hash INTEGER NOT NULL,
            article_key    INTEGER NOT NULL,
            PRIMARY KEY (paragraph_hash, article_key)
        ) WITHOUT ROWID;
        CREATE INDEX ix_article_paragraphs_article ON article_paragraphs (article_key);
        CREATE TABLE boilerplate (
            paragraph_hash INTEGER PRIMARY KEY,
            articles       INTEGER NOT NULL
        );

        CREATE TABLE duplicate_files (
            source_path  TEXT PRIMARY KEY,
            file_name    TEXT NOT NULL,
            id           TEXT NOT NULL,
            original_id  TEXT NOT NULL,
            file_hash    TEXT NOT NULL,
            file_size    INTEGER NOT NULL,
            file_ticks   INTEGER NOT NULL
        );
        CREATE INDEX ix_duplicate_files_id ON duplicate_files (id);

        CREATE TABLE rejected_files (
            source_path  TEXT PRIMARY KEY,
            file_name    TEXT NOT NULL,
            line         INTEGER NOT NULL,
            reason       TEXT NOT NULL,
            file_size    INTEGER NOT NULL,
            file_ticks   INTEGER NOT NULL
        );

        CREATE TABLE words (
            form         TEXT PRIMARY KEY,
            folded       TEXT NOT NULL,
            stem         TEXT NOT NULL,
            docs         INTEGER NOT NULL,
            occurrences  INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_words_stem ON words (stem);
        CREATE INDEX ix_words_folded ON words (folded);

        CREATE TABLE meta (
            key          TEXT PRIMARY KEY,
            value        TEXT NOT NULL
        );
        """;

    /// <summary>Opens (creating if needed) a read-write connection with the pragmas every writer needs.</summary>
    public static SqliteConnection OpenForWriting(string databasePath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var connection = new SqliteConnection(ConnectionString(databasePath, SqliteOpenMode.ReadWriteCreate));
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
        return connection;
    }

    public static string ConnectionString(string databasePath, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
            Mode = mode,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

    /// <summary>The schema version a store file carries, 0 when there is no such file.</summary>
    public static int StoredVersion(string databasePath)
    {
        if (!File.Exists(databasePath)) return 0;
        using var connection = new SqliteConnection(ConnectionString(databasePath, SqliteOpenMode.ReadOnly));
        connection.Open();
        return Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
    }

    /// <summary>Creates the schema, or empties and recreates it when the file carries another version.</summary>
    /// <returns>true when the schema was (re)created and the store is now empty.</returns>
    public static bool Ensure(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
        if (version == Version) return false;

        using var tx = connection.BeginTransaction();
        var tables = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE TABLE ''%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'article_fts_%'";   // an older store's FTS5 table drops its own
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables) Execute(connection, $"DROP TABLE IF EXISTS \"{table}\"", tx);
        Execute(connection, Ddl, tx);
        Execute(connection, $"PRAGMA user_version = {Version}", tx);
        tx.Commit();
        return true;
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
