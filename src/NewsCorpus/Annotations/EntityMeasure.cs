using NewsCorpus.Articles;
using NewsCorpus.Countries;
using NewsCorpus.Entities;

namespace NewsCorpus.Annotations;

/// <summary>Precision and recall of one kind.</summary>
public sealed record KindScore(AnnotatedKind Kind, int Correct, int Found, int Expected, int Recalled)
{
    public double Precision => Found == 0 ? 1 : (double)Correct / Found;
    public double Recall => Expected == 0 ? 1 : (double)Recalled / Expected;
}

/// <summary>A chip or country the reader did not annotate, or an annotation nothing found.</summary>
public sealed record MeasureError(string File, AnnotatedKind Kind, string Name, bool Missed);

public sealed record MeasureResult(int Articles, IReadOnlyList<KindScore> Scores, IReadOnlyList<MeasureError> Errors)
{
    public KindScore this[AnnotatedKind kind] => Scores.First(s => s.Kind == kind);
}

/// <summary>
/// Measures what a reader sees on the article pages against what a reader annotated: the entity chips (every
/// article of the folder goes through the extractor and the corpus-wide resolver, as at import) and the
/// countries. A chip is right when an annotation of the article has its kind and its name; an annotation is
/// recalled when some chip of an accepted kind carries one of its names.
/// </summary>
public static class EntityMeasure
{
    public static MeasureResult Run(string articlesFolder, IReadOnlyDictionary<string, IReadOnlyList<AnnotatedEntity>> annotations,
        EntityExtractor? extractor = null, EntityAliases? aliases = null)
    {
        extractor ??= EntityExtractor.Default;
        var articles = Directory.EnumerateFiles(articlesFolder, "*.txt").Order(StringComparer.Ordinal)
            .Select(path => ArticleParser.Parse(Path.GetFileName(path), File.ReadAllBytes(path)).Article)
            .OfType<ParsedArticle>().ToList();
        var mentions = articles.ToDictionary(a => a.FileName, a => extractor.ExtractArticle(a.Blocks.Select(b => b.Text)));
        var resolver = new EntityResolver(aliases ?? EntityAliases.Default);
        foreach (var article in articles) resolver.AddArticle(mentions[article.FileName]);
        var catalog = resolver.Build();

        var tallies = Enum.GetValues<AnnotatedKind>().ToDictionary(k => k, _ => new int[4]);   // correct, found, expected, recalled
        var errors = new List<MeasureError>();
        int measured = 0;
        foreach (var article in articles)
        {
            if (!annotations.TryGetValue(article.FileName, out var gold)) continue;
            measured++;
            var found = catalog.ResolveArticle(mentions[article.FileName]).Values.Distinct()
                .Select(e => (Kind: (AnnotatedKind)(int)e.Kind, Key: EntityNames.Key(e.Name), e.Name))
                .Concat(CountryMentions.Count(article).Select(c => (Kind: AnnotatedKind.Country, Key: c.Iso2, Name: c.Iso2)))
                .Distinct().ToList();
            var recalled = new HashSet<AnnotatedEntity>(ReferenceEqualityComparer.Instance);
            foreach (var (kind, key, name) in found)
            {
                var matches = gold.Where(g => g.Matches(kind, key)).ToList();
                foreach (var match in matches) recalled.Add(match);
                if (matches.Count > 0 && matches.All(m => m.Optional)) continue;
                tallies[kind][1]++;
                if (matches.Count > 0) tallies[kind][0]++;
                else errors.Add(new MeasureError(article.FileName, kind, name, Missed: false));
            }
            foreach (var entity in gold.Where(g => !g.Optional))
            {
                tallies[entity.MainKind][2]++;
                if (recalled.Contains(entity)) tallies[entity.MainKind][3]++;
                else errors.Add(new MeasureError(article.FileName, entity.MainKind, entity.Names[0], Missed: true));
            }
        }
        var scores = tallies.Select(t => new KindScore(t.Key, t.Value[0], t.Value[1], t.Value[2], t.Value[3])).ToList();
        return new MeasureResult(measured, scores, errors);
    }
}
