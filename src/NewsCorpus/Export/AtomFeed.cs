using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsCorpus.Export;

/// <summary>
/// An Atom feed (RFC 4287) of articles. An entry's updated time is its day at 00:00 UTC, or for an article dated
/// to the month only, the first day of its month. Entry ids are URNs built from the article id, so they stay the
/// same whatever host serves the feed.
/// </summary>
/// <param name="Id">The feed's own permanent id (an absolute IRI).</param>
/// <param name="SelfUrl">The feed's absolute address.</param>
/// <param name="PageUrl">The absolute address of the page showing the same articles.</param>
/// <param name="ArticleUrl">An article's absolute address, from its id.</param>
/// <param name="EmptyUpdated">The feed's updated time when it has no entry (the last import, say).</param>
public sealed record AtomFeed(string Id, string Title, string SelfUrl, string PageUrl, Func<string, string> ArticleUrl, DateTimeOffset EmptyUpdated)
{
    const string Atom = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static string EntryId(string articleId) => $"urn:newscorpus:article:{articleId}";

    /// <summary>The first day of a yyyy-MM month at midnight UTC, in RFC 3339.</summary>
    public static string Updated(string month) => month + "-01T00:00:00Z";

    /// <summary>An article's day at midnight UTC, or the first of its month when it is dated to the month, in RFC 3339.</summary>
    public static string Updated(ArticleRow row) => row.Day is { } d ? $"{row.Month}-{d:D2}T00:00:00Z" : Updated(row.Month);

    public void Write(Stream stream, IReadOnlyList<ArticleRow> entries)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", Atom);
        xml.WriteAttributeString("xml", "lang", null, "fr");
        xml.WriteElementString("id", Atom, Id);
        xml.WriteElementString("title", Atom, Text(Title));
        xml.WriteElementString("updated", Atom, entries.Count > 0
            ? entries.Select(Updated).Max(StringComparer.Ordinal)!
            : EmptyUpdated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Link(xml, "self", "application/atom+xml", SelfUrl);
        Link(xml, "alternate", "text/html", PageUrl);
        xml.WriteStartElement("author", Atom);
        xml.WriteElementString("name", Atom, "NewsCorpus");
        xml.WriteEndElement();
        xml.WriteElementString("generator", Atom, "NewsCorpus");
        foreach (var e in entries)
        {
            xml.WriteStartElement("entry", Atom);
            xml.WriteElementString("id", Atom, EntryId(e.Id));
            xml.WriteElementString("title", Atom, Text(e.Title));
            xml.WriteElementString("updated", Atom, Updated(e));
            if (e.Author is not null)
            {
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, Text(e.Author));
                xml.WriteEndElement();
            }
            if (e.Source is not null)
            {
                xml.WriteStartElement("source", Atom);
                xml.WriteElementString("title", Atom, Text(e.Source));
                xml.WriteEndElement();
            }
            Link(xml, "alternate", "text/html", ArticleUrl(e.Id));
            foreach (var iso2 in e.Countries)
            {
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", iso2);
                xml.WriteEndElement();
            }
            xml.WriteStartElement("summary", Atom);
            xml.WriteAttributeString("type", "text");
            xml.WriteString(Text(e.Lead));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    // XML 1.0 cannot carry some control characters at all, even escaped; an article file may still hold one.
    static string Text(string s)
    {
        var kept = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (XmlConvert.IsXmlChar(s[i])) kept.Append(s[i]);
            else if (i + 1 < s.Length && XmlConvert.IsXmlSurrogatePair(s[i + 1], s[i])) kept.Append(s, i++, 2);
        }
        return kept.ToString();
    }
}
