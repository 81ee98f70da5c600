using NewsCorpus.Search;

namespace NewsCorpus.Tests.Search;

public class QueryParserTests
{
    static string? Text(string q) => QueryParser.Parse(q).Root?.ToQueryText();

    [Theory]
    [InlineData("formation militaire", "formation militaire")]
    [InlineData("\"centrale nucléaire\"", "\"centrale nucléaire\"")]
    [InlineData("Rosatom OR Kidal", "Rosatom OR Kidal")]
    [InlineData("Russie -Rosatom", "Russie -Rosatom")]
    [InlineData("Russie NOT Rosatom", "Russie -Rosatom")]
    [InlineData("Russie -\"centrale nucléaire\"", "Russie -\"centrale nucléaire\"")]
    [InlineData("(Rosatom OR Wagner) Mali", "(Rosatom OR Wagner) Mali")]
    [InlineData("Rosat*", "Rosat*")]
    [InlineData("\"Rosatom", "\"Rosatom\"")]
    [InlineData("(mali", "mali")]
    [InlineData("mali)", "mali")]
    [InlineData("foo:bar", "foo bar")]
    [InlineData("Rosatom++", "Rosatom")]
    [InlineData("Mali AND Russie", "Mali Russie")]
    [InlineData("la coopération de la Russie", "coopération Russie")]
    public void Reads_the_query_language(string input, string expected) => Assert.Equal(expected, Text(input));

    [Fact]
    public void Filters_in_the_box_are_taken_out_of_the_text()
    {
        var q = QueryParser.Parse("Rosatom pays:BF du:2023-10 to:2023-12");
        Assert.Equal("Rosatom", q.Root!.ToQueryText());
        Assert.Equal(["bf"], q.Filters.Countries);
        Assert.Equal("2023-10", q.Filters.From.ToString());
        Assert.Equal("2023-12", q.Filters.To.ToString());
    }

    [Fact]
    public void Bad_filter_values_are_reported_and_ignored()
    {
        var q = QueryParser.Parse("mali du:2023-13 pays:france");
        Assert.Equal("mali", q.Root!.ToQueryText());
        Assert.True(q.Filters.IsEmpty);
        Assert.Equal(2, q.Notices.Count(n => n.Kind == NoticeKind.InvalidFilter));
    }

    [Fact]
    public void Short_prefixes_are_plain_words()
    {
        var q = QueryParser.Parse("ru*");
        Assert.Equal(new TermNode("ru"), q.Root);
        Assert.Contains(q.Notices, n => n.Kind == NoticeKind.ShortPrefix);
    }

    [Fact]
    public void Long_queries_are_trimmed_with_a_notice()
    {
        var q = QueryParser.Parse(string.Concat(Enumerable.Repeat("mali ", 3000)));
        Assert.Contains(q.Notices, n => n.Kind == NoticeKind.Trimmed);
        Assert.True(q.Root!.PositiveLeaves().Count() <= QueryParser.MaxTerms);
    }

    [Fact]
    public void Deep_nesting_is_flattened_instead_of_recursing_without_bound()
    {
        var q = QueryParser.Parse(new string('(', 400) + "mali" + new string(')', 400));
        Assert.Equal(new TermNode("mali"), q.Root);
    }

    [Fact]
    public void Compiled_queries_are_terms_of_the_analyzer_in_every_field()
    {
        var query = LuceneQuery.Compile(QueryParser.Parse("Russie -\"centrale nucléaire\" OR Rosat*").Root, QueryStems.WithoutCorpus)!;
        Assert.Equal(
            "(+(title:russ^3.0 headings:russ^1.5 body:russ) -(title_exact:\"centrale nucleaire\"^3.0 headings_exact:\"centrale nucleaire\"^1.5 body_exact:\"centrale nucleaire\")) " +
            "(title_exact:rosat*^3.0 headings_exact:rosat*^1.5 body_exact:rosat*)",
            query.ToString());
    }

    [Fact]
    public void Replacing_a_term_rewrites_only_that_term()
    {
        var root = QueryParser.Parse("nucléaire Mali").Root!;
        var term = root.PositiveLeaves().First();
        var rewritten = root.Replace(term, new OrNode([new TermNode("nucléaire", Exact: true), new TermNode("nucléaires", Exact: true)]));
        Assert.Equal("(\"nucléaire\" OR \"nucléaires\") Mali", rewritten.ToQueryText());
    }

    [Theory]
    [InlineData("Mali source:le-monde", "le-monde")]
    [InlineData("Mali source:\"Le Monde\"", "le-monde")]
    [InlineData("Mali média:RFI", "rfi")]
    [InlineData("Mali media:Jeune_Afrique", "jeune-afrique")]
    public void Source_filters_are_read_as_slugs_and_leave_the_words(string query, string slug)
    {
        var parsed = QueryParser.Parse(query);
        Assert.Equal([slug], parsed.Filters.SourceSlugs);
        Assert.Equal("Mali", parsed.Root!.ToQueryText());
        Assert.False(parsed.Filters.IsEmpty);
    }

    [Fact]
    public void An_empty_source_is_a_notice_and_a_quoted_value_after_another_word_stays_text()
    {
        var empty = QueryParser.Parse("Mali source:");
        Assert.Empty(empty.Filters.SourceSlugs);
        Assert.Contains(empty.Notices, n => n.Kind == NoticeKind.InvalidFilter);
        var phrase = QueryParser.Parse("titre: \"Le Monde\"");
        Assert.Empty(phrase.Filters.SourceSlugs);
        Assert.Contains("Le Monde", phrase.Root!.ToQueryText());
    }
}
