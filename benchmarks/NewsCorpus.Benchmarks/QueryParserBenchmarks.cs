using BenchmarkDotNet.Attributes;
using NewsCorpus.Search;

namespace NewsCorpus.Benchmarks;

/// <summary>Reading a query and compiling it to a Lucene query: the part of a search that runs before the index.</summary>
[MemoryDiagnoser]
public class QueryParserBenchmarks
{
    [Params("Russie", "formation militaire", "(Rosatom OR Wagner) Mali -\"centrale nucléaire\" pays:ml du:2023-01", "Rosat* l'armée \"coopération militaire\" OR Kidal")]
    public string Query { get; set; } = "";

    [Benchmark(Description = "QueryParser.Parse")]
    public ParsedQuery Parse() => QueryParser.Parse(Query);

    [Benchmark(Description = "QueryParser.Parse + LuceneQuery.Compile")]
    public Lucene.Net.Search.Query? ParseAndCompile() => LuceneQuery.Compile(QueryParser.Parse(Query));
}
