using System.Text.Json;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Pages;

public class OpenApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_document_is_JSON_and_describes_every_API_path()
    {
        using var json = JsonDocument.Parse(await site.Client().GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        string[] api = ["/api/search", "/api/articles/{id}", "/api/timeline", "/api/countries", "/api/countries/{iso2}", "/api/entities", "/api/entities/{slug}"];
        foreach (var path in api)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing");
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("get").GetProperty("summary").GetString()), $"{path} has no summary");
        }
        Assert.True(paths.TryGetProperty("/export/search.{format}", out _));
        Assert.True(paths.TryGetProperty("/search.atom", out _));
    }

    [Fact]
    public async Task Search_parameters_are_described()
    {
        using var json = JsonDocument.Parse(await site.Client().GetStringAsync("/openapi/v1.json"));
        var parameters = json.RootElement.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("description").GetString());
        Assert.Equal(["q", "country", "from", "to", "sort", "page", "pageSize", "entity", "source"], parameters.Keys);
        Assert.All(parameters.Values, d => Assert.False(string.IsNullOrWhiteSpace(d)));
    }

    [Fact]
    public async Task The_api_docs_page_is_linked_from_every_page()
    {
        var home = await site.Page("/");
        Assert.NotNull(home.QuerySelector("footer a[href='/api-docs']"));
        var docs = await site.Page("/api-docs");
        Assert.NotNull(docs.QuerySelector("a[href='/openapi/v1.json']"));
        Assert.Contains("/export/search.csv", docs.Body!.TextContent);
    }
}
