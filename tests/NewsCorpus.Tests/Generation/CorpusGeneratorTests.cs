using System.Text;
using System.Text.RegularExpressions;
using NewsCorpus.Articles;
using NewsCorpus.Generation;

namespace NewsCorpus.Tests.Generation;

public class CorpusGeneratorTests
{
    const int Count = 300;
    static readonly YearMonth First = new(2015, 1);
    static readonly YearMonth Last = new(2025, 12);

    // Generated once: several tests read the same few hundred articles.
    static readonly List<GeneratedArticle> Articles = new CorpusGenerator(42).Generate(Count).ToList();

    [Fact]
    public void Same_seed_gives_the_same_files_and_another_seed_other_files()
    {
        var again = new CorpusGenerator(42).Generate(Count).ToList();
        Assert.Equal(Articles, again);

        var other = new CorpusGenerator(43).Generate(Count).ToList();
        Assert.All(Enumerable.Range(0, Count), i => Assert.NotEqual(Articles[i].Content, other[i].Content));
        Assert.Empty(Articles.Select(a => a.FileName).Intersect(other.Select(a => a.FileName)));
    }

    [Fact]
    public void A_shorter_run_is_a_prefix_of_a_longer_one()
    {
        Assert.Equal(Articles.Take(50), new CorpusGenerator(42).Generate(50));
    }

    [Fact]
    public void Every_file_parses_and_is_between_1_and_10_KB()
    {
        foreach (var article in Articles)
        {
            var bytes = Encoding.UTF8.GetBytes(article.Content);
            var result = ArticleParser.Parse(article.FileName, bytes, Last);
            Assert.True(result.Article is not null, $"{article.FileName}: {result.Error}");
            Assert.Empty(result.Article.Warnings);
            Assert.InRange(bytes.Length, CorpusGenerator.MinBytes, CorpusGenerator.MaxBytes);
            Assert.InRange(result.Article.Blocks.Count(b => b.Kind == BlockKind.Paragraph), 3, 12);
            Assert.DoesNotContain('\r', article.Content);
            Assert.StartsWith(" date ", article.Content);
        }
    }

    [Fact]
    public void First_lines_mix_noise_a_bare_date_and_a_lead_and_some_articles_have_headings()
    {
        var firstLines = Articles.Select(a => a.Content[..a.Content.IndexOf('\n')]).ToList();
        int noise = firstLines.Count(l => l.EndsWith(" Publicité"));
        int bare = firstLines.Count(l => l.Length == " date YYYY-MM".Length);
        Assert.InRange(noise, Count / 5, Count * 2 / 5);
        Assert.InRange(bare, Count / 10, Count - noise - Count / 10);

        var parsed = Articles.Select(a => ArticleParser.Parse(a.FileName, Encoding.UTF8.GetBytes(a.Content), Last).Article!).ToList();
        Assert.InRange(parsed.Count(p => p.Blocks.Any(b => b.Kind == BlockKind.Heading)), Count / 10, Count * 9 / 10);
    }

    [Fact]
    public void File_names_are_unique_numbered_and_sort_by_number()
    {
        var names = Articles.Select(a => a.FileName).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches(@"^\d{3,}_[0-9a-f]{16}\.txt$", n));
        Assert.Equal(Enumerable.Range(0, Count), names.Select(n => int.Parse(n[..n.IndexOf('_')])));
        Assert.Equal(16, ArticleParser.ReadFileName(names[0]).Id!.Length);
    }

    [Fact]
    public void Numbers_grow_past_three_digits()
    {
        var name = new CorpusGenerator(7).Generate(1001).Last().FileName;
        Assert.StartsWith("1000_", name);
    }

    [Fact]
    public void Months_stay_within_the_configured_span_and_recent_years_have_more()
    {
        var generator = new CorpusGenerator(5) { FirstMonth = new YearMonth(2020, 3), LastMonth = new YearMonth(2021, 6) };
        var months = generator.Generate(200).Select(a => Month(a.Content)).ToList();
        Assert.All(months, m => Assert.True(m >= new YearMonth(2020, 3) && m <= new YearMonth(2021, 6), m.ToString()));

        var defaults = Articles.Select(a => Month(a.Content)).ToList();
        Assert.All(defaults, m => Assert.True(m >= First && m <= Last, m.ToString()));
        Assert.True(defaults.Count(m => m.Year >= 2023) > 3 * defaults.Count(m => m.Year <= 2017));
    }

    [Fact]
    public void A_month_in_the_future_is_refused()
    {
        var future = YearMonth.FromDate(DateTime.UtcNow).Next();
        Assert.Throws<ArgumentException>(() => new CorpusGenerator(1) { LastMonth = future }.Generate(1));
    }

    [Fact]
    public void The_focus_countries_appear_in_most_articles()
    {
        static int Share(string pattern) =>
            Articles.Count(a => Regex.IsMatch(a.Content, pattern)) * 100 / Count;

        Assert.True(Share(@"Mali|malien|Bamako|Burkina|burkinab|Ouagadougou|Russie|russe|Moscou") >= 90);
        Assert.True(Share(@"Russie|russe|Moscou") >= 70);
        Assert.True(Share(@"Mali\b|malien|Bamako") >= 40);
        Assert.True(Share(@"Burkina|burkinab|Ouagadougou") >= 40);
        Assert.InRange(Share(@"Niger\b|Niamey|nigérien"), 3, 60);
    }

    [Fact]
    public void Word_frequencies_follow_Zipf()
    {
        var counts = new Dictionary<string, int>();
        foreach (var article in Articles)
            foreach (Match m in Regex.Matches(article.Content[article.Content.IndexOf('\n')..], @"\p{L}+"))
            {
                var word = m.Value.ToLowerInvariant();
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        var ranked = counts.Values.OrderByDescending(c => c).ToArray();
        Assert.True(ranked.Length > 1000, $"only {ranked.Length} distinct words");
        Assert.True(ranked[0] > 20 * ranked[99], $"top {ranked[0]} vs 100th {ranked[99]}");

        // Least-squares slope of log(frequency) against log(rank), ranks 10 to 1000.
        var points = Enumerable.Range(10, 991).Select(r => (X: Math.Log(r), Y: Math.Log(ranked[r - 1]))).ToList();
        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        double slope = points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
        Assert.InRange(slope, -1.3, -0.7);
    }

    [Fact]
    public void Function_words_are_the_most_frequent()
    {
        var words = Regex.Matches(string.Concat(Articles.Select(a => a.Content)), @"\p{L}+")
            .GroupBy(m => m.Value.ToLowerInvariant())
            .OrderByDescending(g => g.Count())
            .Take(10)
            .Select(g => g.Key)
            .ToList();
        Assert.Contains("de", words);
        Assert.Contains("la", words);
        Assert.Contains("et", words);
    }

    [Fact]
    public void Some_articles_repeat_earlier_ones_whole_or_with_one_sentence_changed()
    {
        var bodies = new HashSet<string>();
        var paragraphs = new HashSet<string>();
        int exact = 0, near = 0;
        foreach (var article in new CorpusGenerator(11).Generate(3000))
        {
            var parsed = ArticleParser.Parse(article.FileName, Encoding.UTF8.GetBytes(article.Content), Last).Article!;
            if (!bodies.Add(parsed.BodyHash)) exact++;
            else if (parsed.Blocks.Count(b => !paragraphs.Add(b.Text) && b.Text.Length > 200) >= 2) near++;
        }
        Assert.InRange(exact, 1, 20);
        Assert.InRange(near, 10, 60);
    }

    [Fact]
    public void WriteTo_writes_the_generated_bytes_without_BOM_and_reports_progress()
    {
        var folder = Path.Combine(Path.GetTempPath(), "newscorpus-generator-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var reported = new List<int>();
            new CorpusGenerator(42).WriteTo(folder, 20, new SynchronousProgress(reported.Add));
            Assert.Equal([20], reported);
            foreach (var article in Articles.Take(20))
                Assert.Equal(Encoding.UTF8.GetBytes(article.Content), File.ReadAllBytes(Path.Combine(folder, article.FileName)));
            Assert.Equal(20, Directory.GetFiles(folder).Length);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    static YearMonth Month(string content) =>
        new(int.Parse(content.AsSpan(6, 4)), int.Parse(content.AsSpan(11, 2)));

    // Progress<T> posts to the thread pool; the test needs the reports before it checks them.
    sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
