using System.Text;
using NewsCorpus.Search;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Search;

/// <summary>Random and adversarial queries: nothing escapes as an exception, and what the parser writes back reads the same.</summary>
public abstract class QueryFuzzTests(SeedCorpusFixture seeds)
{
    static readonly string[] Pieces =
    [
        "\"", "\"\"", "(", ")", "-", "*", "OR", "AND", "NOT", "NEAR(", "^", ":", "{", "}", "[", "]", "'", "’", "\\", "/",
        "pays:", "pays:ml", "du:2023-10", "au:", "to:2023-13", "entite:", "country:zz", "rosatom", "Mali", "l'armée",
        "coopération", "œuvre", "é", "\u0301", "\u200b", "\u202e", "\0", "\u0007", "😀", "\uD800", "日本", "العربية",
        "%", "_", ";", "--", "DROP", "SELECT", "*/", "/*", "0", "-1", "1e9", "\t", "\n", " ", "  ",
    ];

    public static string RandomQuery(Random random)
    {
        var sb = new StringBuilder();
        int parts = random.Next(0, 12);
        for (int i = 0; i < parts; i++)
        {
            if (random.Next(4) == 0) sb.Append((char)random.Next(0, 0xFFFF));
            else sb.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(2) == 0) sb.Append(' ');
        }
        return sb.ToString();
    }

    [StoreFact]
    public void Thousands_of_random_queries_never_throw()
    {
        var random = new Random(20261122);
        using var connection = seeds.Open();
        var search = CorpusSearch.For(connection);
        for (int i = 0; i < 3000; i++)
        {
            var q = RandomQuery(random);
            var exception = Record.Exception(() => search.Search(SearchRequest.FromForm(q, null, null, null, null)));
            Assert.True(exception is null, $"query {Escape(q)} threw {exception}");
        }
    }

    [StoreFact]
    public void What_the_parser_writes_back_parses_to_the_same_query()
    {
        var random = new Random(42);
        for (int i = 0; i < 3000; i++)
        {
            var q = RandomQuery(random);
            var first = QueryParser.Parse(q);
            var again = QueryParser.Parse(first.Root?.ToQueryText());
            Assert.True(first.Root?.ToQueryText() == again.Root?.ToQueryText(),
                $"{Escape(q)} → {first.Root?.ToQueryText()} → {again.Root?.ToQueryText()}");
        }
    }

    [StoreFact]
    public void Ten_thousand_characters_are_trimmed_with_a_notice()
    {
        var r = seeds.Search(string.Concat(Enumerable.Repeat("Rosatom ", 1250)));
        Assert.Contains(r.Query.Notices, n => n.Kind == NoticeKind.Trimmed);
        Assert.Equal(1, r.Total);
    }

    static string Escape(string s) => string.Concat(s.Select(c => c < 32 || c > 126 ? $"\\u{(int)c:x4}" : c.ToString()));
}

public sealed class QueryFuzzTestsOnSqlite(SeedCorpusFixture seeds) : QueryFuzzTests(seeds), IClassFixture<SeedCorpusFixture>;

[OnPostgres]
public sealed class QueryFuzzTestsOnPostgres(PostgresSeedCorpusFixture seeds) : QueryFuzzTests(seeds), IClassFixture<PostgresSeedCorpusFixture>;
