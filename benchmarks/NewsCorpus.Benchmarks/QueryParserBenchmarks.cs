using BenchmarkDotNet.Attributes;
using NewsCorpus.Search;

namespace NewsCorpus.Benchmarks;

/// <summary>Reading a query and compiling it to FTS5: the part of a search that runs before SQLite.</summary>
[MemoryDiagnoser]
public class QueryParserBenchmarks
{
    [Params("Russie", "formation militaire", "(Rosatom OR Wagner) Mali -\"centrale nucléaire\" pays:ml du:2023-01", "Rosat* l'armée \"coopération militaire\" OR Kidal")]
    public string Query { get; set; } = "";

    [Benchmark(Description = "QueryParser.Parse")]
    public ParsedQuery Parse() => QueryParser.Parse(Query);

    [Benchmark(Description = "QueryParser.Parse + FtsQuery.Compile")]
    public string? ParseAndCompile() => FtsQuery.Compile(QueryParser.Parse(Query));
}
