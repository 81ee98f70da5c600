using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace NewsCorpus.Storage.Postgres;

/// <summary>What a publication changed in the PostgreSQL store.</summary>
public sealed record PublishReport(int Inserted, int Deleted, int ClustersMoved, bool DerivedReplaced, bool SchemaCreated, TimeSpan Elapsed);

/// <summary>
/// Brings a PostgreSQL store in line with an imported SQLite store, in one transaction. The analysis (parsing,
/// countries, entities, near-duplicates, word counts) is the importer's, done once in the SQLite working store,
/// so both providers hold the same derived data; PostgreSQL computes its own tsvector columns as rows arrive.
/// Only articles that are new or changed cross the wire (binary COPY); the per-corpus tables (entities, counts,
/// words) are replaced when any article changed. Readers see the old corpus until the commit.
/// </summary>
public sealed class PostgresPublisher(string connectionString, ILogger? logger = null)
{
    // Any number will do, as long as every NewsCorpus importer uses the same: two publications never interleave.
    const long PublishLock = 0x4e657773436f7270;

    readonly ILogger logger = logger ?? NullLogger.Instance;

    /// <summary>
    /// Whether the search indexes are RUM when the extension can be had; false (the default) keeps GIN. Not the
    /// default because Debian's rum 1.3.13 crashed PostgreSQL backends (a segfault reading an index's positions)
    /// under concurrent searches of a 100,000-article store, and a crashed backend restarts every session of the
    /// server (docs/benchmarks.md, 2026-12-05).
    /// </summary>
    public bool UseRum { get; init; }

    public PublishReport Publish(string stagingDatabase, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        using var staging = new SqliteConnection(CorpusSchema.ConnectionString(stagingDatabase, SqliteOpenMode.ReadOnly));
        staging.Open();
        using var pg = Open(connectionString);
        using var tx = pg.BeginTransaction();
        PostgresSchema.Execute(pg, tx, $"SELECT pg_advisory_xact_lock({PublishLock})");
        bool created = PostgresSchema.Ensure(pg, tx);
        int publication = PostgresSchema.StartPublication(pg, tx);

        var published = ArticleStates(pg, tx);
        var wanted = ArticleStates(staging);
        var delete = published.Where(p => !wanted.TryGetValue(p.Key, out var w) || !w.SameContent(p.Value)).Select(p => p.Key).ToArray();
        var insert = wanted.Where(w => !published.TryGetValue(w.Key, out var p) || !p.SameContent(w.Value)).Select(w => w.Key).ToHashSet();
        var moved = wanted.Where(w => published.TryGetValue(w.Key, out var p) && p.SameContent(w.Value) && p.Cluster != w.Value.Cluster)
            .Select(w => (w.Key, w.Value.Cluster)).ToList();
        cancel.ThrowIfCancellationRequested();

        if (delete.Length > 0)
        {
            using var cmd = new NpgsqlCommand("DELETE FROM articles WHERE article_key = ANY(@keys)", pg, tx);
            cmd.Parameters.AddWithValue("keys", delete);
            cmd.ExecuteNonQuery();
        }
        if (insert.Count > 0)
        {
            bool all = insert.Count == wanted.Count;
            Copy(staging, pg, "articles", "article_key, id, file_name, source_path, number, month, day, source, url, author, title, lead, headings, body, search_body, boilerplate, body_hash, file_hash, word_count, warnings, cluster_key, cluster_size",
                [Int8, Text, Text, Text, Int8, Text, Int4, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text, Int4, Text, Int8, Int4], all ? null : r => insert.Contains(r.GetInt64(0)), cancel);
            Copy(staging, pg, "article_countries", "article_key, iso2, mentions, in_lead, weight",
                [Int8, Text, Int4, Bool, Int4], all ? null : r => insert.Contains(r.GetInt64(0)), cancel);
        }
        if (moved.Count > 0)
        {
            using var cmd = new NpgsqlCommand("""
                UPDATE articles a SET cluster_key = u.cluster_key, cluster_size = u.cluster_size, published_in = DEFAULT
                FROM unnest(@keys, @clusters, @sizes) AS u(article_key, cluster_key, cluster_size)
                WHERE a.article_key = u.article_key
                """, pg, tx);
            cmd.Parameters.AddWithValue("keys", moved.Select(m => m.Key).ToArray());
            cmd.Parameters.AddWithValue("clusters", moved.Select(m => m.Cluster.Key).ToArray());
            cmd.Parameters.AddWithValue("sizes", moved.Select(m => m.Cluster.Size).ToArray());
            cmd.ExecuteNonQuery();
        }

        // Entities and counts are resolved over the whole corpus, so one changed article can change any of their rows.
        bool replaceDerived = created || delete.Length > 0 || insert.Count > 0 || moved.Count > 0
            || Meta(pg, tx, "aliases") != Meta(staging, "aliases");
        if (replaceDerived)
        {
            Replace(staging, pg, tx, "entities", "entity_key, slug, name, kind, articles, mentions", [Int8, Text, Text, Int4, Int4, Int4], cancel);
            Replace(staging, pg, tx, "article_entities", "entity_key, article_key, mentions, surfaces", [Int8, Int8, Int4, Text], cancel);
            Replace(staging, pg, tx, "near_duplicates", "article_key, other_key, similarity", [Int8, Int8, Float8], cancel);
            Replace(staging, pg, tx, "country_months", "iso2, month, articles, mentions", [Text, Text, Int4, Int4], cancel);
            Replace(staging, pg, tx, "country_pairs", "iso2, other, articles", [Text, Text, Int4], cancel);
            Replace(staging, pg, tx, "country_entities", "iso2, entity_key, articles", [Text, Int8, Int4], cancel);
            Replace(staging, pg, tx, "words", "form, folded, stem, docs, occurrences", [Text, Text, Text, Int8, Int8], cancel);
        }
        // Small, and they change without any article changing (a new copy, a file rejected or mended).
        Replace(staging, pg, tx, "duplicate_files", "source_path, file_name, id, original_id", [Text, Text, Text, Text], cancel);
        Replace(staging, pg, tx, "boilerplate", "paragraph_hash, articles", [Int8, Int4], cancel);
        Replace(staging, pg, tx, "rejected_files", "source_path, file_name, line, reason", [Text, Text, Int4, Text], cancel);
        Replace(staging, pg, tx, "meta", "key, value", [Text, Text], cancel);

        if (!PostgresSchema.EnsureSearchIndexes(pg, tx, publication, rowsChanged: created || insert.Count > 0 || moved.Count > 0, UseRum) && UseRum)
            logger.LogWarning("RUM indexes were asked for, but the rum extension is not available on this PostgreSQL server (install postgresql-15-rum; a superuser runs CREATE EXTENSION rum once): the search indexes are GIN, and a ranked search scores every match, slower on a large corpus");

        cancel.ThrowIfCancellationRequested();
        tx.Commit();
        var report = new PublishReport(insert.Count, delete.Length, moved.Count, replaceDerived, created, clock.Elapsed);
        logger.LogInformation(
            "Published to PostgreSQL: {Inserted} articles written, {Deleted} removed, {Moved} moved between clusters, per-corpus tables {Derived} in {Seconds:F2}s",
            report.Inserted, report.Deleted, report.ClustersMoved, replaceDerived ? "replaced" : "unchanged", report.Elapsed.TotalSeconds);
        return report;
    }

    /// <summary>A connection for writing: no command timeout, since a first publication of a large corpus takes minutes.</summary>
    public static NpgsqlConnection Open(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    readonly record struct Cluster(long? Key, int Size);

    /// <summary>
    /// What decides whether a stored article must be written again. The hashes are kept as 64 bits of each
    /// (SHA-256 in hex): a million articles are compared in memory on both sides. An article whose boilerplate
    /// changed has another search_body, so it is written again.
    /// </summary>
    readonly record struct ArticleState(ulong FileHash, ulong BodyHash, string? Boilerplate, Cluster Cluster)
    {
        public bool SameContent(ArticleState other) => FileHash == other.FileHash && BodyHash == other.BodyHash && Boilerplate == other.Boilerplate;
    }

    static ulong Bits(string hash) =>
        hash.Length >= 16 && ulong.TryParse(hash.AsSpan(0, 16), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var bits)
            ? bits
            : (ulong)string.GetHashCode(hash);

    const string StatesSql = "SELECT article_key, file_hash, body_hash, cluster_key, cluster_size, boilerplate FROM articles";

    static Dictionary<long, ArticleState> ArticleStates(NpgsqlConnection pg, NpgsqlTransaction tx)
    {
        using var cmd = new NpgsqlCommand(StatesSql, pg, tx);
        return States(cmd.ExecuteReader());
    }

    static Dictionary<long, ArticleState> ArticleStates(SqliteConnection staging)
    {
        using var cmd = staging.CreateCommand();
        cmd.CommandText = StatesSql;
        return States(cmd.ExecuteReader());
    }

    static Dictionary<long, ArticleState> States(System.Data.Common.DbDataReader reader)
    {
        using (reader)
        {
            var states = new Dictionary<long, ArticleState>();
            while (reader.Read())
                states[reader.GetInt64(0)] = new ArticleState(Bits(reader.GetString(1)), Bits(reader.GetString(2)),
                    reader.IsDBNull(5) ? null : reader.GetString(5), new Cluster(reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetInt32(4)));
            return states;
        }
    }

    static string? Meta(NpgsqlConnection pg, NpgsqlTransaction tx, string key)
    {
        using var cmd = new NpgsqlCommand("SELECT value FROM meta WHERE key = @k", pg, tx);
        cmd.Parameters.AddWithValue("k", key);
        return cmd.ExecuteScalar() as string;
    }

    static string? Meta(SqliteConnection staging, string key)
    {
        using var cmd = staging.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    // DELETE rather than TRUNCATE: TRUNCATE locks readers out until the commit, DELETE lets them read the old rows.
    void Replace(SqliteConnection staging, NpgsqlConnection pg, NpgsqlTransaction tx, string table, string columns, NpgsqlDbType[] types, CancellationToken cancel)
    {
        PostgresSchema.Execute(pg, tx, $"DELETE FROM {table}");
        Copy(staging, pg, table, columns, types, keep: null, cancel);
    }

    const NpgsqlDbType Int8 = NpgsqlDbType.Bigint, Int4 = NpgsqlDbType.Integer, Text = NpgsqlDbType.Text,
        Bool = NpgsqlDbType.Boolean, Float8 = NpgsqlDbType.Double;

    /// <summary>Streams the staging table's rows (those <paramref name="keep"/> accepts) into PostgreSQL by binary COPY.</summary>
    int Copy(SqliteConnection staging, NpgsqlConnection pg, string table, string columns, NpgsqlDbType[] types,
        Func<SqliteDataReader, bool>? keep, CancellationToken cancel)
    {
        using var read = staging.CreateCommand();
        read.CommandText = $"SELECT {columns} FROM {table}";
        using var reader = read.ExecuteReader();
        using var writer = pg.BeginBinaryImport($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)");
        int rows = 0;
        while (reader.Read())
        {
            if (keep is not null && !keep(reader)) continue;
            if ((++rows & 4095) == 0) cancel.ThrowIfCancellationRequested();
            writer.StartRow();
            for (int i = 0; i < types.Length; i++)
            {
                if (reader.IsDBNull(i)) { writer.WriteNull(); continue; }
                switch (types[i])
                {
                    case Int8: writer.Write(reader.GetInt64(i), Int8); break;
                    case Int4: writer.Write(reader.GetInt32(i), Int4); break;
                    case Bool: writer.Write(reader.GetInt64(i) != 0, Bool); break;
                    case Float8: writer.Write(reader.GetDouble(i), Float8); break;
                    default: writer.Write(WithoutNul(reader.GetString(i)), Text); break;
                }
            }
        }
        writer.Complete();
        logger.LogDebug("Copied {Rows} rows into {Table}", rows, table);
        return rows;
    }

    // PostgreSQL text cannot hold U+0000; SQLite can.
    static string WithoutNul(string s) => s.Contains('\0') ? s.Replace("\0", "") : s;
}
