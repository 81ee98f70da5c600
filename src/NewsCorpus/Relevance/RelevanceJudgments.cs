using System.Globalization;

namespace NewsCorpus.Relevance;

/// <summary>One query and the grade of every article judged for it (2 about it, 1 substantially relevant, 0 judged not relevant).</summary>
public sealed record JudgedQuery(string Query, IReadOnlyDictionary<string, int> Grades)
{
    /// <summary>Articles that count as relevant in strict precision: grade 1 or more.</summary>
    public int RelevantCount => Grades.Values.Count(grade => grade >= RelevanceMetrics.RelevantGrade);
}

/// <summary>
/// Relevance judgments (qrels) read from a TSV file: <c>query &lt;TAB&gt; article id &lt;TAB&gt; grade</c>, one judged
/// article a line. Lines starting with <c>#</c>, blank lines and the column header are skipped. An article not listed
/// for a query is not relevant to it. Queries keep the order of their first line.
/// </summary>
public sealed class RelevanceJudgments
{
    public const string Header = "query\tarticle_id\tgrade";

    public IReadOnlyList<JudgedQuery> Queries { get; }

    RelevanceJudgments(IReadOnlyList<JudgedQuery> queries) => Queries = queries;

    public static RelevanceJudgments Load(string path) => Parse(File.ReadLines(path), Path.GetFileName(path));

    /// <exception cref="FormatException">A line that is not a judgment, with <c>source:line: reason</c>.</exception>
    public static RelevanceJudgments Parse(IEnumerable<string> lines, string source = "judgments")
    {
        var byQuery = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (number, fields) in JudgmentLines.Read(lines, Header, 3, source))
        {
            var query = fields[0].Trim();
            if (query.Length == 0) throw Bad(source, number, "empty query");
            var id = JudgmentLines.ArticleId(fields[1], source, number);
            if (!int.TryParse(fields[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var grade))
                throw Bad(source, number, $"grade '{fields[2]}' is not a whole number of 0 or more");
            if (!byQuery.TryGetValue(query, out var grades))
            {
                byQuery[query] = grades = new Dictionary<string, int>(StringComparer.Ordinal);
                order.Add(query);
            }
            if (!grades.TryAdd(id, grade)) throw Bad(source, number, $"article {id} is judged twice for '{query}'");
        }
        var queries = order.Select(q => new JudgedQuery(q, byQuery[q])).ToList();
        // A query with nothing relevant has no ideal ranking: its nDCG and R-precision would be undefined.
        if (queries.FirstOrDefault(q => q.RelevantCount == 0) is { } empty)
            throw new FormatException($"{source}: query '{empty.Query}' has no article of grade 1 or more");
        return new RelevanceJudgments(queries);
    }

    static FormatException Bad(string source, int line, string reason) => JudgmentLines.Bad(source, line, reason);
}
