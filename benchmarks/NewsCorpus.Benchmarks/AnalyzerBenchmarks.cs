using BenchmarkDotNet.Attributes;
using NewsCorpus.Analysis;
using NewsCorpus.Generation;

namespace NewsCorpus.Benchmarks;

/// <summary>The analysis the importer runs on every article, over 50 generated articles (the token count is printed, for tokens/s).</summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    string text = "";
    string[] words = [];

    [GlobalSetup]
    public void Setup()
    {
        text = string.Join("\n\n", new CorpusGenerator(1).Generate(50).Select(a => a.Content));
        words = Tokenizer.Tokenize(text).Select(t => t.Text(text).ToLowerInvariant()).ToArray();
        Console.WriteLine($"// {words.Length} tokens, {text.Length} characters");
    }

    [Benchmark(Description = "Tokenizer.Tokenize (50 articles)")]
    public int Tokenize() => Tokenizer.Tokenize(text).Count;

    [Benchmark(Description = "FrenchAnalyzer.AnalyzeText (50 articles)")]
    public int AnalyzeText()
    {
        int count = 0;
        foreach (var _ in FrenchAnalyzer.AnalyzeText(text)) count++;
        return count;
    }

    [Benchmark(Description = "FrenchAnalyzer.IndexText (50 articles)")]
    public int IndexText() => FrenchAnalyzer.IndexText(text).Stems.Length;

    [Benchmark(Description = "FrenchStemmer.Stem (every token of 50 articles)")]
    public int Stem()
    {
        int length = 0;
        foreach (var word in words) length += FrenchStemmer.Stem(word).Length;
        return length;
    }
}
