using System.CommandLine;
using System.Globalization;
using NewsCorpus.Cli.Measuring;

namespace NewsCorpus.Cli;

/// <summary>`load --url U [--connections 64] [--seconds 30] [--paths …]`: exit 0 with no 5xx and no socket error, 1 otherwise, 2 on bad usage.</summary>
public static class LoadCommand
{
    public static readonly string[] DefaultPaths = ["/", "/timeline", "/countries", "/countries/ml", "/search?q=Russie", "/api/timeline"];

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Base URL of a running site (loopback)", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var connections = new Option<int>("--connections") { Description = "Concurrent connections, each sending its next request once the last is read", DefaultValueFactory = _ => 64 };
        var seconds = new Option<int>("--seconds") { Description = "How long to send requests", DefaultValueFactory = _ => 30 };
        var paths = new Option<string[]>("--paths") { Description = "Paths to cycle through", AllowMultipleArgumentsPerToken = true };
        var command = new Command("load", "Send concurrent GET requests to a running site for a fixed time and report statuses, errors, requests/s and latencies") { url, connections, seconds, paths };
        command.SetAction(parse => Run(parse.GetValue(url)!, parse.GetValue(connections), parse.GetValue(seconds),
            parse.GetValue(paths) is { Length: > 0 } p ? p : DefaultPaths, Console.Out, Console.Error));
        return command;
    }

    public static int Run(string url, int connections, int seconds, IReadOnlyList<string> paths, TextWriter output, TextWriter errors)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            errors.WriteLine($"error: not an http(s) URL: {url}");
            return 2;
        }
        if (connections < 1 || seconds < 1 || seconds > 3600)
        {
            errors.WriteLine("error: --connections must be 1 or more and --seconds between 1 and 3600");
            return 2;
        }
        output.WriteLine($"Loading {baseUrl} with {connections} connections for {seconds}s over {paths.Count} paths");
        var result = LoadGenerator.RunAsync(baseUrl, paths, connections, TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
        Print(result, output);
        return result.ServerErrors == 0 && result.SocketErrors == 0 ? 0 : 1;
    }

    public static void Print(LoadResult result, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("| path | requests | req/s | p50 ms | p99 ms | statuses | socket errors | other errors |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        foreach (var (path, load) in result.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
            output.WriteLine(string.Create(inv,
                $"| `{path}` | {load.Requests} | {load.Requests / result.Elapsed.TotalSeconds:F0} | {load.Latencies.Percentile(50):F1} | {load.Latencies.Percentile(99):F1} | {Statuses(load.StatusCounts)} | {load.SocketErrors} | {load.OtherErrors} |"));
        var all = result.AllLatencies();
        output.WriteLine(string.Create(inv,
            $"| all | {result.Requests} | {result.RequestsPerSecond:F0} | {all.Percentile(50):F1} | {all.Percentile(99):F1} | {Statuses(result.StatusCounts())} | {result.SocketErrors} | {result.OtherErrors} |"));
    }

    public static string Statuses(Dictionary<int, int> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}×{c.Value}"));
}
