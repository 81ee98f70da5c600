using System.Text.Json;
using Microsoft.Playwright;

namespace NewsCorpus.Tests.Support;

/// <summary>Runs axe-core (WCAG 2 A/AA rules and best practices) in a page and reads back its violations.</summary>
public static class Axe
{
    public sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
    {
        public bool IsSeriousOrCritical => Impact is "serious" or "critical";
        public override string ToString() => $"{Impact} {Id}: {Help} [{string.Join(" | ", Targets)}]";
    }

    const string Run = """
        async () => {
          const results = await axe.run(document, { resultTypes: ['violations'] });
          return results.violations.map(v => ({
            id: v.id, impact: v.impact || 'unknown', help: v.help,
            targets: v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ') : ''))
          }));
        }
        """;

    public static async Task<List<Violation>> Check(IPage page, string axeSource)
    {
        // Evaluated through the DevTools protocol, so the site's Content-Security-Policy (script-src 'self') still applies to the page itself.
        await page.EvaluateAsync(axeSource);
        var json = await page.EvaluateAsync<JsonElement>(Run);
        return json.EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }
}
