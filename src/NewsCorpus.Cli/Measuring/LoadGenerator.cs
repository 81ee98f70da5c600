using System.Diagnostics;
using System.Net.Sockets;

namespace NewsCorpus.Cli.Measuring;

/// <summary>What a load run saw: per path and in total.</summary>
public sealed class LoadResult(TimeSpan elapsed)
{
    public TimeSpan Elapsed { get; } = elapsed;
    public Dictionary<string, PathLoad> Paths { get; } = new(StringComparer.Ordinal);

    public int Requests => Paths.Values.Sum(p => p.Requests);
    public int ServerErrors => Paths.Values.Sum(p => p.StatusCounts.Where(s => s.Key >= 500).Sum(s => s.Value));
    public int SocketErrors => Paths.Values.Sum(p => p.SocketErrors);
    public int OtherErrors => Paths.Values.Sum(p => p.OtherErrors);
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public Latencies AllLatencies()
    {
        var all = new Latencies();
        foreach (var p in Paths.Values) all.AddRange(p.Latencies);
        return all;
    }

    public Dictionary<int, int> StatusCounts() =>
        Paths.Values.SelectMany(p => p.StatusCounts).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
}

public sealed class PathLoad
{
    public int Requests;
    public int SocketErrors;
    /// <summary>Timeouts and any other failure that is not a socket error.</summary>
    public int OtherErrors;
    public readonly Dictionary<int, int> StatusCounts = [];
    public readonly Latencies Latencies = new();

    public void Merge(PathLoad other)
    {
        Requests += other.Requests;
        SocketErrors += other.SocketErrors;
        OtherErrors += other.OtherErrors;
        foreach (var (status, count) in other.StatusCounts) StatusCounts[status] = StatusCounts.GetValueOrDefault(status) + count;
        Latencies.AddRange(other.Latencies);
    }
}

/// <summary>
/// A closed-loop HTTP load: each of N workers sends a GET, reads the whole body, then sends the next, for a
/// fixed time, cycling through the paths. Meant for loopback: it measures the server and this client together.
/// </summary>
public static class LoadGenerator
{
    /// <summary>No request may outlive the run by more than this.</summary>
    static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static async Task<LoadResult> RunAsync(Uri baseUrl, IReadOnlyList<string> paths, int connections, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        if (paths.Count == 0) throw new ArgumentException("at least one path is needed", nameof(paths));
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = RequestTimeout };
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections)
            .Select(w => Task.Run(() => WorkerAsync(client, paths, w, clock, duration)))
            .ToList();
        var perWorker = await Task.WhenAll(workers);
        var result = new LoadResult(clock.Elapsed);
        foreach (var worker in perWorker)
            foreach (var (path, load) in worker)
            {
                if (!result.Paths.TryGetValue(path, out var total)) result.Paths[path] = total = new PathLoad();
                total.Merge(load);
            }
        return result;
    }

    static async Task<Dictionary<string, PathLoad>> WorkerAsync(HttpClient client, IReadOnlyList<string> paths, int worker, Stopwatch clock, TimeSpan duration)
    {
        var loads = new Dictionary<string, PathLoad>(StringComparer.Ordinal);
        // Workers start at different paths so that every path is under load at once.
        for (int i = worker; clock.Elapsed < duration; i++)
        {
            var path = paths[i % paths.Count];
            if (!loads.TryGetValue(path, out var load)) loads[path] = load = new PathLoad();
            long start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                await response.Content.CopyToAsync(Stream.Null);
                load.Latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                load.Requests++;
                load.StatusCounts[(int)response.StatusCode] = load.StatusCounts.GetValueOrDefault((int)response.StatusCode) + 1;
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException || e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                load.SocketErrors++;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                load.OtherErrors++;
            }
        }
        return loads;
    }
}
