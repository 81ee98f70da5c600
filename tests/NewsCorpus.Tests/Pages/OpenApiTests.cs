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
        Assert.Equal(["country", "entity", "from", "page", "pageSize", "q", "sort", "source", "to"], parameters.Keys.Order());
        Assert.All(parameters.Values, d => Assert.False(string.IsNullOrWhiteSpace(d)));
    }

    static async Task<JsonElement> Document(SiteFixture site) =>
        JsonDocument.Parse(await site.Client().GetStringAsync("/openapi/v1.json")).RootElement;

    static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()
            .Where(m => m.Name != "parameters").Select(m => (p.Name, m.Name, m.Value)));

    [Fact]
    public async Task Every_operation_has_a_unique_operation_id_and_answers_get_only()
    {
        var operations = Operations(await Document(site)).ToList();
        Assert.All(operations, o => Assert.Equal("get", o.Method));
        var ids = operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Every_API_operation_declares_its_JSON_schema_and_its_errors_as_problem_details()
    {
        var document = await Document(site);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var (path, _, operation) in Operations(document).Where(o => o.Path.StartsWith("/api/")))
        {
            var responses = operation.GetProperty("responses");
            var ok = responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            var reference = ok.TryGetProperty("$ref", out var r) ? r.GetString() : ok.GetProperty("items").GetProperty("$ref").GetString();
            Assert.True(schemas.TryGetProperty(reference!.Split('/')[^1], out var schema), $"{path}: {reference}");
            Assert.Equal("object", schema.GetProperty("type").GetString());
            bool hasPathParameter = path.Contains('{');
            bool hasValidatedQuery = operation.TryGetProperty("parameters", out var ps)
                && ps.EnumerateArray().Any(p => p.GetProperty("name").GetString() is "page" or "kind");
            if (hasPathParameter)
                Assert.True(responses.GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path} 404");
            if (hasValidatedQuery)
                Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path} 400");
        }
    }

    [Fact]
    public async Task Parameters_are_typed_integers_and_enums()
    {
        var document = await Document(site);
        var parameters = document.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));
        Assert.Equal("integer", parameters["page"].GetProperty("type").GetString());
        Assert.Equal(1, parameters["page"].GetProperty("minimum").GetInt32());
        Assert.Equal(100, parameters["pageSize"].GetProperty("maximum").GetInt32());
        var sort = document.GetProperty("components").GetProperty("schemas")
            .GetProperty(parameters["sort"].GetProperty("$ref").GetString()!.Split('/')[^1]);
        Assert.Equal(["relevance", "newest", "oldest"], sort.GetProperty("enum").EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()));
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
