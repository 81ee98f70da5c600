using Microsoft.Data.Sqlite;

namespace NewsCorpus.Storage;

/// <summary>
/// Per-country counts (articles by month, countries and entities named in the same articles), computed once
/// at the end of an import that changed anything, after the entities are resolved.
/// </summary>
internal static class CountryStats
{
    const string Sql = """
        DELETE FROM country_months;
        INSERT INTO country_months (iso2, month, articles, mentions)
            SELECT c.iso2, a.month, count(*), sum(c.mentions)
            FROM article_countries c JOIN articles a ON a.article_key = c.article_key
            GROUP BY c.iso2, a.month;
        DELETE FROM country_pairs;
        INSERT INTO country_pairs (iso2, other, articles)
            SELECT x.iso2, y.iso2, count(*)
            FROM article_countries x JOIN article_countries y ON y.article_key = x.article_key AND y.iso2 <> x.iso2
            GROUP BY x.iso2, y.iso2;
        DELETE FROM country_entities;
        INSERT INTO country_entities (iso2, entity_key, articles)
            SELECT c.iso2, x.entity_key, count(*)
            FROM article_countries c JOIN article_entities x ON x.article_key = c.article_key
            GROUP BY c.iso2, x.entity_key;
        """;

    public static void Rebuild(SqliteConnection connection, SqliteTransaction tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
    }
}
