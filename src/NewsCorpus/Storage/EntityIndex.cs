using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsCorpus.Entities;

namespace NewsCorpus.Storage;

/// <summary>
/// Rebuilds the entity tables from the stored mentions of every article. Resolution is corpus-wide (a surname
/// joins the only full name of the corpus that ends with it), so it runs again after any import that changed
/// an article or the alias file, inside the import's transaction.
/// </summary>
internal static class EntityIndex
{
    public static string AliasesFingerprint(string? aliasesText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(aliasesText ?? "")))[..16];

    /// <summary>An article's mentions as stored: "kind&lt;TAB&gt;surface" lines in the order found; null when there are none.</summary>
    public static string? MentionLines(IEnumerable<EntityMention> mentions)
    {
        var lines = new StringBuilder();
        foreach (var m in mentions) lines.Append((int)m.Kind).Append('\t').Append(m.Surface.Replace('\n', ' ')).Append('\n');
        return lines.Length == 0 ? null : lines.ToString();
    }

    public static void SaveMentions(Statements statements, long articleKey, string? mentionLines)
    {
        if (mentionLines is null) return;
        statements.Execute("INSERT INTO article_mentions (article_key, mentions) VALUES ($k, $m)", ("$k", articleKey), ("$m", mentionLines));
    }

    public static int Rebuild(SqliteConnection connection, SqliteTransaction tx, EntityAliases aliases)
    {
        var resolver = new EntityResolver(aliases);
        foreach (var (_, mentions) in ReadMentions(connection, tx)) resolver.AddArticle(mentions);
        var catalog = resolver.Build();

        Execute(connection, tx, "DELETE FROM article_entities; DELETE FROM entities;");
        var perEntity = new Dictionary<Entity, (int Articles, int Mentions)>();
        var keys = new Dictionary<Entity, long>();
        long next = 1;
        foreach (var entity in catalog.Entities) keys[entity] = next++;

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO article_entities (entity_key, article_key, mentions, surfaces) VALUES ($e, $a, $m, $s)";
            var e = insert.Parameters.Add("$e", SqliteType.Integer);
            var a = insert.Parameters.Add("$a", SqliteType.Integer);
            var m = insert.Parameters.Add("$m", SqliteType.Integer);
            var s = insert.Parameters.Add("$s", SqliteType.Text);
            foreach (var (articleKey, mentions) in ReadMentions(connection, tx))
            {
                var resolved = catalog.ResolveArticle(mentions);
                foreach (var group in mentions.Where(x => resolved.ContainsKey(x.Surface)).GroupBy(x => resolved[x.Surface]))
                {
                    var entity = group.Key;
                    e.Value = keys[entity];
                    a.Value = articleKey;
                    m.Value = group.Count();
                    s.Value = string.Join("\n", group.Select(x => x.Surface).Distinct());
                    insert.ExecuteNonQuery();
                    var tally = perEntity.GetValueOrDefault(entity);
                    perEntity[entity] = (tally.Articles + 1, tally.Mentions + group.Count());
                }
            }
        }

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO entities (entity_key, slug, name, kind, articles, mentions) VALUES ($k, $s, $n, $t, $a, $m)";
            foreach (var (entity, tally) in perEntity)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$k", keys[entity]);
                insert.Parameters.AddWithValue("$s", entity.Slug);
                insert.Parameters.AddWithValue("$n", entity.Name);
                insert.Parameters.AddWithValue("$t", (int)entity.Kind);
                insert.Parameters.AddWithValue("$a", tally.Articles);
                insert.Parameters.AddWithValue("$m", tally.Mentions);
                insert.ExecuteNonQuery();
            }
        }
        return perEntity.Count;
    }

    /// <summary>Each article's mentions, one article at a time, in key order.</summary>
    static IEnumerable<(long ArticleKey, List<EntityMention> Mentions)> ReadMentions(SqliteConnection connection, SqliteTransaction tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT article_key, mentions FROM article_mentions ORDER BY article_key";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var mentions = new List<EntityMention>();
            foreach (var line in reader.GetString(1).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                int tab = line.IndexOf('\t');
                mentions.Add(new EntityMention(line[(tab + 1)..], (EntityKind)(line[0] - '0'), 0, 0));
            }
            yield return (reader.GetInt64(0), mentions);
        }
    }

    static void Execute(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
