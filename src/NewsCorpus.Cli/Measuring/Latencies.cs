namespace NewsCorpus.Cli.Measuring;

/// <summary>Timings in milliseconds, with nearest-rank percentiles.</summary>
public sealed class Latencies
{
    readonly List<double> samples = [];

    public int Count => samples.Count;

    public void Add(double milliseconds) => samples.Add(milliseconds);

    public void AddRange(Latencies other) => samples.AddRange(other.samples);

    /// <summary>The smallest sample at or above the p-th percent of the sorted samples; 0 when there are none.</summary>
    public double Percentile(double p)
    {
        if (samples.Count == 0) return 0;
        var sorted = samples.Order().ToList();
        int rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
