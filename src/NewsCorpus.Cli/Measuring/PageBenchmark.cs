using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsCorpus.Cli.Measuring;

public sealed record PageFigures(string Name, LoadResult Load);

/// <summary>
/// Starts the site as its own process on a loopback port (so its memory is its own), waits until it answers,
/// drives each group of pages with the load generator, then stops it.
/// </summary>
public sealed class WebSite : IDisposable
{
    readonly Process process;
    readonly Queue<string> lastLines = new();
    public Uri BaseUrl { get; }

    readonly Timer? sampler;
    long peakAnonymous, peakFile;

    WebSite(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        // The working set counts the pages of memory-mapped files (the full-text index) beside the process's own
        // memory; the kernel can drop the former at will. Both are sampled so the report can tell them apart.
        if (File.Exists($"/proc/{process.Id}/status")) sampler = new Timer(_ => Sample(), null, 0, 100);
    }

    /// <summary>The highest anonymous (heap, stacks) and file-backed resident memory seen so far; 0 off Linux.</summary>
    public (long Anonymous, long File) PeakResidentSplit() => (Interlocked.Read(ref peakAnonymous), Interlocked.Read(ref peakFile));

    void Sample()
    {
        try
        {
            long anonymous = 0, file = 0;
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anonymous = KilobytesOf(line) * 1024;
                else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) file = KilobytesOf(line) * 1024;
            }
            if (anonymous > Interlocked.Read(ref peakAnonymous)) Interlocked.Exchange(ref peakAnonymous, anonymous);
            if (file > Interlocked.Read(ref peakFile)) Interlocked.Exchange(ref peakFile, file);
        }
        catch (IOException) { }   // the site has exited
    }

    static long KilobytesOf(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    public static WebSite Start(string webDll, string database, bool requestLogs, params string[] settings)
    {
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            webDll, "--urls", $"http://127.0.0.1:{port}", $"--Corpus:Database={database}", "--Corpus:Articles=none",
            // The rate limit guards the real site from one address; here every request comes from one address.
            "--RateLimit:SearchPerSecond=1000000", "--RateLimit:SearchBurst=1000000",
        }) start.ArgumentList.Add(arg);
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        if (!requestLogs) start.ArgumentList.Add("--Serilog:MinimumLevel:Default=Warning");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the site");
        var site = new WebSite(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => site.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => site.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        site.WaitUntilReady(TimeSpan.FromSeconds(60));
        return site;
    }

    public long PeakWorkingSetBytes()
    {
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    public long WorkingSetBytes()
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    void Keep(string? line)
    {
        if (line is null) return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > 40) lastLines.Dequeue();
        }
    }

    void WaitUntilReady(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (process.HasExited) break;
            try
            {
                if (client.GetAsync("/").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            Thread.Sleep(200);
        }
        string log;
        lock (lastLines) log = string.Join("\n", lastLines);
        Dispose();
        throw new InvalidOperationException($"the site did not answer within {limit.TotalSeconds:F0}s; its last lines:\n{log}");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        sampler?.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process.Dispose();
    }
}
