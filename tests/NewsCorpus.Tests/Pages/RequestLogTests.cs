using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Tests.Support;
using Serilog.Core;
using Serilog.Events;

namespace NewsCorpus.Tests.Pages;

/// <summary>The site with a Serilog sink that keeps every event, for the tests to read.</summary>
public class LoggedSite : SiteFixture, ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();
    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(this);

    /// <summary>The request log's events for one request id.</summary>
    public List<LogEvent> RequestEvents(string requestId) => Events
        .Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
                    && e.Properties.TryGetValue("RequestId", out var id) && id is ScalarValue { Value: string s } && s == requestId)
        .ToList();
}

public sealed class LoggedSiteWithQueries : LoggedSite
{
    protected override IEnumerable<(string Key, string Value)> Settings => [.. base.Settings, ("RequestLog:QueryString", "true")];
}

public sealed class RequestLogTests(LoggedSite site) : IClassFixture<LoggedSite>
{
    [Fact]
    public async Task A_request_is_one_event_with_its_request_id_and_without_the_search_terms()
    {
        var response = await site.Client().GetAsync("/search?q=Rosatom");
        var id = response.Headers.GetValues("X-Request-Id").Single();
        var events = site.RequestEvents(id);
        var e = Assert.Single(events);
        Assert.Equal("/search", ((ScalarValue)e.Properties["RequestPath"]).Value);
        Assert.Equal(200, ((ScalarValue)e.Properties["StatusCode"]).Value);
        Assert.DoesNotContain("Rosatom", e.RenderMessage());
        Assert.DoesNotContain(e.Properties.Values, v => v.ToString().Contains("Rosatom"));
    }
}

public sealed class RequestLogWithQueriesTests(LoggedSiteWithQueries site) : IClassFixture<LoggedSiteWithQueries>
{
    [Fact]
    public async Task A_private_deployment_may_log_the_query_string()
    {
        var response = await site.Client().GetAsync("/search?q=Rosatom");
        var e = Assert.Single(site.RequestEvents(response.Headers.GetValues("X-Request-Id").Single()));
        Assert.Equal("?q=Rosatom", ((ScalarValue)e.Properties["QueryString"]).Value);
    }
}
