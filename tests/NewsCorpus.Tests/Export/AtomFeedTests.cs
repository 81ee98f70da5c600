using System.Xml.Linq;
using NewsCorpus.Export;

namespace NewsCorpus.Tests.Export;

public class AtomFeedTests
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    static XElement Write(IReadOnlyList<ArticleRow> rows)
    {
        var feed = new AtomFeed("urn:newscorpus:feed:test", "Test", "http://x/feed.atom", "http://x/page", id => $"http://x/articles/{id}",
            new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        using var stream = new MemoryStream();
        feed.Write(stream, rows);
        return XDocument.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray())).Root!;
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_dropped_and_the_rest_kept()
    {
        var row = new ArticleRow("a1", "2024-02", "Titre\u0001 <b>&</b> 😀", ["ml"], [], "a.txt", 3, "Chapô\u0008 fin");
        var entry = Write([row]).Element(Atom + "entry")!;
        Assert.Equal("Titre <b>&</b> 😀", entry.Element(Atom + "title")!.Value);
        Assert.Equal("Chapô fin", entry.Element(Atom + "summary")!.Value);
        Assert.Equal("2024-02-01T00:00:00Z", entry.Element(Atom + "updated")!.Value);
        Assert.Equal("ml", (string?)entry.Element(Atom + "category")!.Attribute("term"));
    }

    [Fact]
    public void A_feed_without_entries_is_updated_at_the_time_given()
    {
        var feed = Write([]);
        Assert.Equal("2024-05-06T07:08:09Z", feed.Element(Atom + "updated")!.Value);
        Assert.Equal("NewsCorpus", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
    }
}
