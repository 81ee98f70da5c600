using NewsCorpus.Annotations;
using NewsCorpus.Cli;
using Xunit.Abstractions;

namespace NewsCorpus.Tests.Entities;

/// <summary>
/// People, organisations, places and countries measured on real news: 46 French Wikinews articles of 2012
/// (Data/wikinews-fr-2012, CC BY 2.5) annotated by reading them. The floors are what the extractor reaches,
/// rounded down, so that a change that makes real text worse fails here.
/// </summary>
public class WikinewsEntitiesTests(ITestOutputHelper output)
{
    static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Data", "wikinews-fr-2012");
    static readonly Lazy<MeasureResult> measured = new(() =>
        EntityMeasure.Run(Path.Combine(Folder, "articles"), EntityAnnotations.Read(Path.Combine(Folder, "entities-annotated.tsv"))));

    [Theory]
    [InlineData(AnnotatedKind.Person, 0.99, 0.95)]
    [InlineData(AnnotatedKind.Organisation, 0.90, 0.90)]
    [InlineData(AnnotatedKind.Place, 0.98, 0.94)]
    [InlineData(AnnotatedKind.Country, 0.99, 0.99)]
    public void Precision_and_recall_on_annotated_real_articles_stay_above_their_floors(AnnotatedKind kind, double precision, double recall)
    {
        var result = measured.Value;
        foreach (var error in result.Errors.Where(e => e.Kind == kind))
            output.WriteLine($"{(error.Missed ? "missed" : "wrong")} {error.Name} ({error.File})");
        var score = result[kind];
        output.WriteLine($"{kind}: precision {score.Precision:F3} ({score.Correct}/{score.Found}), recall {score.Recall:F3} ({score.Recalled}/{score.Expected})");
        Assert.True(result.Articles >= 30, $"only {result.Articles} annotated articles");
        Assert.True(score.Precision >= precision, $"{kind} precision {score.Precision:F3} below {precision}");
        Assert.True(score.Recall >= recall, $"{kind} recall {score.Recall:F3} below {recall}");
    }

    [Fact]
    public void The_command_prints_precision_and_recall_per_kind_and_lists_errors_on_request()
    {
        var printed = new StringWriter();
        int exit = MeasureEntitiesCommand.Run(new FileInfo(Path.Combine(Folder, "entities-annotated.tsv")),
            new DirectoryInfo(Path.Combine(Folder, "articles")), showErrors: true, printed, new StringWriter());

        Assert.Equal(0, exit);
        var lines = printed.ToString().Split('\n');
        Assert.StartsWith("46 annotated articles", lines[0]);
        foreach (var kind in new[] { "person", "organisation", "place", "country" })
            Assert.Contains(lines, l => l.StartsWith(kind + " "));
        Assert.Contains(lines, l => l.StartsWith("missed") || l.StartsWith("wrong"));
    }

    [Fact]
    public void A_missing_annotation_file_is_bad_usage()
    {
        var errors = new StringWriter();
        int exit = MeasureEntitiesCommand.Run(new FileInfo(Path.Combine(Folder, "no-such-file.tsv")),
            new DirectoryInfo(Path.Combine(Folder, "articles")), showErrors: false, new StringWriter(), errors);
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", errors.ToString());
    }

    [Fact]
    public void Annotation_lines_read_kinds_names_and_optional_marks()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# comment\na.txt\tperson\tJean-Marc Ayrault|Ayrault\na.txt\t?organisation/place\tMusée X\na.txt\tcountry\tFR\n");
            var entities = EntityAnnotations.Read(path)["a.txt"];
            Assert.Equal(["jean marc ayrault", "ayrault"], entities[0].Names);
            Assert.True(entities[1].Optional);
            Assert.True(entities[1].Matches(AnnotatedKind.Place, "musee x"));
            Assert.False(entities[0].Matches(AnnotatedKind.Organisation, "ayrault"));
            Assert.True(entities[2].Matches(AnnotatedKind.Country, "fr"));
            File.WriteAllText(path, "a.txt\tpeople\tX\n");
            Assert.Throws<FormatException>(() => EntityAnnotations.Read(path));
        }
        finally { File.Delete(path); }
    }
}
