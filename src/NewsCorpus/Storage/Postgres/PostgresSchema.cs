using Npgsql;

namespace NewsCorpus.Storage.Postgres;

/// <summary>
/// The store's tables on PostgreSQL. Like the SQLite file it is derived data, so the schema lives here with a
/// version stamp (table corpus_schema) instead of migrations: another version is dropped and rebuilt.
/// Text columns that pages sort or compare use the "C" collation, so orders match SQLite's (code point order).
/// </summary>
public static class PostgresSchema
{
    public const int Version = 7;   // 7: headlines, with the SQLite store's version 12, and RUM search indexes when asked for; 6: day, source, url, author, with the SQLite store's version 11; 5: rebuilt with the SQLite store's version 10

    /// <summary>
    /// PostgreSQL indexes at most this many characters of an article body: a tsvector is limited to 1 MB,
    /// news articles are a few kilobytes, and one huge file must not fail the whole import.
    /// </summary>
    public const int MaxIndexedBodyChars = 300_000;

    // Two text search configurations, as the SQLite index has two column sets: `fr` stems (French Snowball after
    // unaccent) for ordinary words, `fr_exact` keeps every folded word for quoted words, phrases and prefixes.
    // Hyphenated compounds are indexed by their parts only, as the SQLite tokenizer does: the whole compound
    // would take a position of its own and break phrases that run across it.
    const string Configurations = """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'fr') THEN
                CREATE TEXT SEARCH CONFIGURATION fr (COPY = french);
                ALTER TEXT SEARCH CONFIGURATION fr ALTER MAPPING FOR word, hword_part WITH unaccent, french_stem;
                ALTER TEXT SEARCH CONFIGURATION fr DROP MAPPING IF EXISTS FOR hword, asciihword, numhword;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'fr_exact') THEN
                CREATE TEXT SEARCH CONFIGURATION fr_exact (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION fr_exact ALTER MAPPING FOR word, hword_part WITH unaccent, simple;
                ALTER TEXT SEARCH CONFIGURATION fr_exact DROP MAPPING IF EXISTS FOR hword, asciihword, numhword;
            END IF;
        END $$;
        """;

    static readonly string Tables = $$"""
        CREATE TABLE corpus_schema (version integer NOT NULL);

        CREATE TABLE articles (
            article_key  bigint PRIMARY KEY,
            id           text COLLATE "C" NOT NULL UNIQUE,
            file_name    text COLLATE "C" NOT NULL,
            source_path  text COLLATE "C" NOT NULL,
            number       bigint,
            month        text COLLATE "C" NOT NULL,
            day          integer,
            source       text COLLATE "C",
            url          text,
            author       text,
            title        text NOT NULL,
            lead         text NOT NULL,
            headings     text NOT NULL,
            body         text NOT NULL,
            search_body  text,              -- the body without its boilerplate paragraphs; NULL: the body (as in SQLite)
            boilerplate  text,
            body_hash    text NOT NULL,
            file_hash    text NOT NULL,
            word_count   integer NOT NULL,
            warnings     text,
            cluster_key  bigint,
            cluster_size integer NOT NULL DEFAULT 1,
            search_stems tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('fr', title || ' ' || headings), 'A') ||
                setweight(to_tsvector('fr', left(coalesce(search_body, body), {{MaxIndexedBodyChars}})), 'B')) STORED,
            search_exact tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('fr_exact', title || ' ' || headings), 'A') ||
                setweight(to_tsvector('fr_exact', left(coalesce(search_body, body), {{MaxIndexedBodyChars}})), 'B')) STORED,
            -- The publication that wrote the row (see EnsureSearchIndexes); set by the publisher for its session.
            published_in integer NOT NULL DEFAULT current_setting('newscorpus.publication')::integer
        );
        CREATE INDEX ix_articles_month ON articles (month, day, number, id);
        CREATE INDEX ix_articles_cluster ON articles (cluster_key) WHERE cluster_key IS NOT NULL;
        CREATE INDEX ix_articles_source ON articles (source, month) WHERE source IS NOT NULL;

        CREATE TABLE article_countries (
            iso2         text COLLATE "C" NOT NULL,
            article_key  bigint NOT NULL REFERENCES articles (article_key) ON DELETE CASCADE,
            mentions     integer NOT NULL,
            in_lead      boolean NOT NULL,
            weight       integer NOT NULL,
            PRIMARY KEY (iso2, article_key)
        );
        CREATE INDEX ix_article_countries_weight ON article_countries (iso2, weight, mentions, in_lead);

        CREATE TABLE entities (
            entity_key   bigint PRIMARY KEY,
            slug         text COLLATE "C" NOT NULL UNIQUE,
            name         text COLLATE "C" NOT NULL,
            kind         integer NOT NULL,
            articles     integer NOT NULL,
            mentions     integer NOT NULL
        );

        CREATE TABLE article_entities (
            entity_key   bigint NOT NULL,
            article_key  bigint NOT NULL REFERENCES articles (article_key) ON DELETE CASCADE,
            mentions     integer NOT NULL,
            surfaces     text NOT NULL,
            PRIMARY KEY (entity_key, article_key)
        );

        CREATE TABLE near_duplicates (
            article_key  bigint NOT NULL REFERENCES articles (article_key) ON DELETE CASCADE,
            other_key    bigint NOT NULL REFERENCES articles (article_key) ON DELETE CASCADE,
            similarity   double precision NOT NULL,
            PRIMARY KEY (article_key, other_key)
        );
        CREATE INDEX ix_near_duplicates_other ON near_duplicates (other_key);

        CREATE TABLE country_months (
            iso2 text COLLATE "C" NOT NULL, month text COLLATE "C" NOT NULL,
            articles integer NOT NULL, mentions integer NOT NULL,
            PRIMARY KEY (iso2, month));
        CREATE TABLE country_pairs (
            iso2 text COLLATE "C" NOT NULL, other text COLLATE "C" NOT NULL, articles integer NOT NULL,
            PRIMARY KEY (iso2, other));
        CREATE TABLE country_entities (
            iso2 text COLLATE "C" NOT NULL, entity_key bigint NOT NULL, articles integer NOT NULL,
            PRIMARY KEY (iso2, entity_key));

        CREATE TABLE boilerplate (
            paragraph_hash bigint PRIMARY KEY,
            articles       integer NOT NULL
        );

        CREATE TABLE duplicate_files (
            source_path  text COLLATE "C" PRIMARY KEY,
            file_name    text COLLATE "C" NOT NULL,
            id           text COLLATE "C" NOT NULL,
            original_id  text COLLATE "C" NOT NULL
        );
        CREATE INDEX ix_duplicate_files_id ON duplicate_files (id);

        CREATE TABLE rejected_files (
            source_path  text COLLATE "C" PRIMARY KEY,
            file_name    text COLLATE "C" NOT NULL,
            line         integer NOT NULL,
            reason       text NOT NULL
        );

        CREATE TABLE words (
            form         text COLLATE "C" PRIMARY KEY,
            folded       text COLLATE "C" NOT NULL,
            stem         text COLLATE "C" NOT NULL,
            docs         bigint NOT NULL,
            occurrences  bigint NOT NULL
        );
        CREATE INDEX ix_words_stem ON words (stem);
        CREATE INDEX ix_words_folded ON words (folded);

        CREATE TABLE meta (
            key          text COLLATE "C" PRIMARY KEY,
            value        text NOT NULL
        );

        CREATE TABLE search_indexes (
            publication  integer NOT NULL,  -- the last publication the search indexes hold
            rum          boolean NOT NULL
        );

        INSERT INTO corpus_schema (version) VALUES ({{Version}});
        """;

    /// <summary>The tables this schema owns, dropped before a rebuild.</summary>
    static readonly string[] OwnTables =
    [
        "corpus_schema", "article_countries", "article_entities", "near_duplicates", "entities", "country_months",
        "country_pairs", "country_entities", "boilerplate", "duplicate_files", "rejected_files", "words", "meta", "search_indexes", "articles",
    ];

    /// <summary>The version the database carries, 0 when it has no NewsCorpus tables.</summary>
    public static int StoredVersion(NpgsqlConnection connection, NpgsqlTransaction? tx = null)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass('corpus_schema') IS NOT NULL", connection, tx);
        if (!(bool)exists.ExecuteScalar()!) return 0;
        using var read = new NpgsqlCommand("SELECT max(version) FROM corpus_schema", connection, tx);
        return read.ExecuteScalar() is int version ? version : 0;
    }

    /// <summary>Creates the schema in the transaction, or drops and recreates it when it carries another version.</summary>
    /// <returns>true when the schema was (re)created and the tables are empty.</returns>
    public static bool Ensure(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        if (StoredVersion(connection, tx) == Version) return false;
        Execute(connection, tx, Configurations);
        Execute(connection, tx, "DROP TABLE IF EXISTS " + string.Join(", ", OwnTables) + " CASCADE");
        Execute(connection, tx, Tables);
        return true;
    }

    /// <summary>
    /// The publication about to be written: new and updated rows carry it (<c>published_in</c>), so the RUM indexes
    /// of the last one, whose predicate stops at it, never receive them. Call first in the publication's transaction.
    /// </summary>
    public static int StartPublication(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        int publication = (SearchIndexes(connection, tx)?.Publication ?? 0) + 1;
        Execute(connection, tx, $"SET LOCAL newscorpus.publication = {publication}");
        return publication;
    }

    /// <summary>
    /// Builds the search indexes of <paramref name="publication"/> when the rows changed (or the indexes are missing or
    /// of the other kind), in place of the last ones. RUM (the `rum` extension) keeps each word's positions in the
    /// index, so a ranked search orders its candidates by <c>column &lt;=&gt; query</c> without reading a row (see
    /// PostgresCorpusSearch); without the extension they are GIN, as before, and a ranked search scores every match.
    /// A RUM index is never written to, only built: rum 1.3.13 logs a page split of an insert in a way a hot standby
    /// (or crash recovery) cannot replay, and stops on ("WAL contains references to invalid pages", rum issue 179).
    /// So each RUM index holds the rows up to its publication (a partial index), the publication's rows go past it,
    /// and a new index is built beside it; the old one is dropped at the end, which holds readers back only from
    /// there to the commit. GIN indexes are written to as rows arrive. The search sample's own small GIN indexes
    /// (<see cref="SamplePredicate"/>) are made once, whatever the kind of the others, and written to as rows arrive;
    /// so is the index in the newest-first order itself, through which a search reads the newest matches of a word
    /// in most articles without sorting a whole month of them first (the month index leaves day, number and id to a
    /// sort: 10,935 rows read for 5,000 at 300,000 articles, against 5,000); and the indexes of an article's
    /// countries and entities, which hold what the facets count, so that counting them reads no table row (the
    /// single-column indexes of stores published before them are dropped).
    /// </summary>
    /// <returns>true when the indexes are RUM.</returns>
    public static bool EnsureSearchIndexes(NpgsqlConnection connection, NpgsqlTransaction tx, int publication, bool rowsChanged, bool useRum)
    {
        Execute(connection, tx, $"""
            CREATE INDEX IF NOT EXISTS ix_articles_sample_stems ON articles USING gin (search_stems) WHERE {SamplePredicate};
            CREATE INDEX IF NOT EXISTS ix_articles_sample_exact ON articles USING gin (search_exact) WHERE {SamplePredicate};
            CREATE INDEX IF NOT EXISTS ix_articles_newest ON articles ({ArticleOrder.NewestSql});
            CREATE INDEX IF NOT EXISTS ix_article_countries_facets ON article_countries (article_key, iso2);
            CREATE INDEX IF NOT EXISTS ix_article_entities_facets ON article_entities (article_key, entity_key);
            DROP INDEX IF EXISTS ix_article_countries_article, ix_article_entities_article;
            """);
        bool rum = useRum && CreateRumExtension(connection, tx);
        var current = SearchIndexes(connection, tx);
        if (current is { } c && c.Rum == rum && !(rum && rowsChanged) && SearchIndexCount(connection, tx) == 2) return rum;
        var (method, opclass, predicate) = rum ? ("rum", " rum_tsvector_ops", $" WHERE published_in <= {publication}") : ("gin", "", "");
        Execute(connection, tx, $"""
            CREATE INDEX ix_articles_search_stems_next ON articles USING {method} (search_stems{opclass}){predicate};
            CREATE INDEX ix_articles_search_exact_next ON articles USING {method} (search_exact{opclass}){predicate};
            DROP INDEX IF EXISTS ix_articles_search_stems, ix_articles_search_exact;
            ALTER INDEX ix_articles_search_stems_next RENAME TO ix_articles_search_stems;
            ALTER INDEX ix_articles_search_exact_next RENAME TO ix_articles_search_exact;
            DELETE FROM search_indexes;
            INSERT INTO search_indexes (publication, rum) VALUES ({publication}, {rum});
            """);
        return rum;
    }

    /// <summary>One article in this many is in the search sample (<see cref="SamplePredicate"/>).</summary>
    public const int SampleEvery = 64;

    /// <summary>
    /// The articles of the search sample (a condition on an article row, after its alias): a fixed share of the corpus spread over all of
    /// it (keys are given in import order), with small GIN search indexes of its own (always written to, so replicas
    /// replay them), from which a search of very many matches estimates its count, months and facets. A query
    /// states the predicate in these very words, so that the planner may use them.
    /// </summary>
    public static readonly string SamplePredicate = $"article_key % {SampleEvery} = 0";

    /// <summary>Whether the store has the sample's search indexes (a store last published by an older version has not).</summary>
    public static bool HasSampleIndexes(NpgsqlConnection connection)
    {
        using var cmd = new NpgsqlCommand("SELECT to_regclass('ix_articles_sample_stems') IS NOT NULL AND to_regclass('ix_articles_sample_exact') IS NOT NULL", connection);
        return (bool)cmd.ExecuteScalar()!;
    }

    /// <summary>
    /// The kind of the store's search indexes and the last publication they hold, null before the first (or on a
    /// store of another schema). A search on RUM indexes states <c>published_in &lt;= publication</c>, so that the
    /// planner may use them.
    /// </summary>
    public static (int Publication, bool Rum)? SearchIndexes(NpgsqlConnection connection, NpgsqlTransaction? tx = null)
    {
        using (var exists = new NpgsqlCommand("SELECT to_regclass('search_indexes') IS NOT NULL", connection, tx))
            if (!(bool)exists.ExecuteScalar()!) return null;
        using var cmd = new NpgsqlCommand("SELECT publication, rum FROM search_indexes LIMIT 1", connection, tx);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), reader.GetBoolean(1)) : null;
    }

    static long SearchIndexCount(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_class WHERE oid IN (to_regclass('ix_articles_search_stems'), to_regclass('ix_articles_search_exact'))", connection, tx);
        return (long)cmd.ExecuteScalar()!;
    }

    // The rum extension is not trusted: creating it takes a superuser (or an administrator who created it once,
    // README). A role that may not is answered with an error, which must not end the publication's transaction.
    static bool CreateRumExtension(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        using (var installed = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum')", connection, tx))
            if ((bool)installed.ExecuteScalar()!) return true;
        using (var available = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum')", connection, tx))
            if (!(bool)available.ExecuteScalar()!) return false;
        tx.Save("rum");
        try
        {
            Execute(connection, tx, "CREATE EXTENSION IF NOT EXISTS rum");
            tx.Release("rum");
            return true;
        }
        catch (PostgresException)
        {
            tx.Rollback("rum");
            return false;
        }
    }

    internal static void Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.ExecuteNonQuery();
    }
}
