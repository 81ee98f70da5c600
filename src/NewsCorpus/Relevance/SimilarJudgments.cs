using System.Data.Common;
using System.Globalization;
using System.Text;
using NewsCorpus.Research;
using NewsCorpus.Storage;

namespace NewsCorpus.Relevance;

/// <summary>
/// Judgments of similar articles read from a TSV file: <c>article id &lt;TAB&gt; similar id &lt;TAB&gt; on topic (0 or 1)
/// &lt;TAB&gt; why</c>, one judged pair a line. Lines starting with <c>#</c>, blank lines and the column header are
/// skipped. Pairs are judged for themselves, not for a ranking: a changed algorithm that shows other candidates is
/// still measured on them, and a pair nobody judged is reported as such.
/// </summary>
public sealed class SimilarJudgments
{
    public const string Header = "article_id\tsimilar_id\ton_topic\twhy";

    /// <summary>Per judged article (in the order of their first line), the judged candidates and whether each is on topic.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, bool>> ByArticle { get; }
    public IReadOnlyList<string> Articles { get; }

    SimilarJudgments(IReadOnlyList<string> articles, IReadOnlyDictionary<string, IReadOnlyDictionary<string, bool>> byArticle) =>
        (Articles, ByArticle) = (articles, byArticle);

    public static SimilarJudgments Load(string path) => Parse(File.ReadLines(path), Path.GetFileName(path));

    /// <exception cref="FormatException">A line that is not a judgment, with <c>source:line: reason</c>.</exception>
    public static SimilarJudgments Parse(IEnumerable<string> lines, string source = "judgments")
    {
        var byArticle = new Dictionary<string, Dictionary<string, bool>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (number, fields) in JudgmentLines.Read(lines, Header, 4, source))
        {
            var article = JudgmentLines.ArticleId(fields[0], source, number);
            var similar = JudgmentLines.ArticleId(fields[1], source, number);
            if (article == similar) throw Bad(source, number, $"article {article} is judged against itself");
            var onTopic = fields[2].Trim() switch
            {
                "1" => true,
                "0" => false,
                var other => throw Bad(source, number, $"on topic '{other}' is neither 0 nor 1"),
            };
            if (!byArticle.TryGetValue(article, out var judged))
            {
                byArticle[article] = judged = new Dictionary<string, bool>(StringComparer.Ordinal);
                order.Add(article);
            }
            if (!judged.TryAdd(similar, onTopic)) throw Bad(source, number, $"pair {article} {similar} is judged twice");
        }
        return new SimilarJudgments(order, order.ToDictionary(a => a, a => (IReadOnlyDictionary<string, bool>)byArticle[a], StringComparer.Ordinal));
    }

    static FormatException Bad(string source, int line, string reason) => JudgmentLines.Bad(source, line, reason);
}

/// <summary>One shown similar article and its judgment: true on topic, false off topic, null not judged.</summary>
public sealed record ShownSimilar(string Id, string Title, double Score, bool? OnTopic);

/// <summary>What one judged article shows as similar, and the on-topic candidates the judges found for it.</summary>
public sealed record SimilarMeasure(string Id, string Title, IReadOnlyList<ShownSimilar> Shown, int OnTopicJudged)
{
    public int Judged => Shown.Count(s => s.OnTopic is not null);
    public int OnTopic => Shown.Count(s => s.OnTopic == true);
    public int Unjudged => Shown.Count(s => s.OnTopic is null);
}

/// <summary>Every judged article's similar articles, and the share of the shown ones that are on topic.</summary>
/// <param name="MissingArticles">Judged article ids the store does not hold.</param>
public sealed record SimilarReport(IReadOnlyList<SimilarMeasure> Articles, IReadOnlyList<string> MissingArticles)
{
    public int Shown => Articles.Sum(a => a.Shown.Count);
    public int Judged => Articles.Sum(a => a.Judged);
    public int OnTopic => Articles.Sum(a => a.OnTopic);
    public int Unjudged => Articles.Sum(a => a.Unjudged);

    /// <summary>Of the shown pairs that are judged, the share on topic (1 when nothing judged is shown).</summary>
    public double OnTopicShare => Judged == 0 ? 1 : OnTopic / (double)Judged;

    /// <summary>Of the candidates judged on topic, the share shown: what showing fewer articles costs.</summary>
    public double OnTopicFound => Articles.Sum(a => a.OnTopicJudged) is var all and > 0 ? OnTopic / (double)all : 1;

    public int ShowingNothing => Articles.Count(a => a.Shown.Count == 0);

    /// <summary>A plain-text table: one row per judged article, each shown pair under it (+ on topic, - off, ? unjudged), then the totals.</summary>
    public string ToTable()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("on-topic/judged shown  unjudged  on-topic found/judged on topic  article");
        foreach (var a in Articles)
        {
            text.AppendLine(string.Create(inv, $"{$"{a.OnTopic}/{a.Judged}",21}  {a.Unjudged,8}  {$"{a.OnTopic}/{a.OnTopicJudged}",30}  {a.Id} {a.Title}"));
            foreach (var s in a.Shown)
                text.AppendLine(string.Create(inv, $"{"",21}  {(s.OnTopic switch { true => "+", false => "-", null => "?" }),8}  {s.Score,30:F2}    {s.Id} {s.Title}"));
        }
        text.AppendLine(string.Create(inv,
            $"{Articles.Count} judged articles, {ShowingNothing} showing nothing; {Shown} shown pairs, {Judged} judged, {Unjudged} unjudged"));
        text.AppendLine(string.Create(inv, $"on topic: {OnTopic}/{Judged} = {OnTopicShare:F3} of the judged shown pairs"));
        text.AppendLine(string.Create(inv, $"on-topic candidates shown: {OnTopic}/{Articles.Sum(a => a.OnTopicJudged)} = {OnTopicFound:F3}"));
        return text.ToString();
    }
}

public static class SimilarEvaluation
{
    /// <summary>Shows each judged article's similar articles as its page does and checks them against the judgments.</summary>
    public static SimilarReport Run(DbConnection connection, SimilarJudgments judgments)
    {
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        var measures = new List<SimilarMeasure>();
        var missing = new List<string>();
        foreach (var id in judgments.Articles)
        {
            long key;
            string title;
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "SELECT article_key, title FROM articles WHERE id = @id";
                cmd.Add("@id", id);
                using var reader = cmd.ExecuteReader();
                if (!reader.Read())
                {
                    missing.Add(id);
                    continue;
                }
                (key, title) = (reader.GetInt64(0), reader.GetString(1));
            }
            var judged = judgments.ByArticle[id];
            var shown = SimilarArticles.OfArticle(connection, key)
                .Select(s => new ShownSimilar(s.Id, s.Title, s.Score, judged.TryGetValue(s.Id, out var onTopic) ? onTopic : null))
                .ToList();
            measures.Add(new SimilarMeasure(id, title, shown, judged.Values.Count(v => v)));
        }
        missing.AddRange(judgments.ByArticle.Values.SelectMany(j => j.Keys).Distinct().Where(id => !Exists(connection, id)));
        return new SimilarReport(measures, missing.Distinct().ToList());
    }

    static bool Exists(DbConnection connection, string id)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM articles WHERE id = @id";
        cmd.Add("@id", id);
        return cmd.ExecuteScalar() is not null;
    }
}
