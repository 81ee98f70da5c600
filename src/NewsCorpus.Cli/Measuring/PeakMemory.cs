using System.Diagnostics;

namespace NewsCorpus.Cli.Measuring;

/// <summary>
/// The process's peak resident memory. On Linux the peak (VmHWM) can be reset between phases by writing 5 to
/// /proc/self/clear_refs, so each phase gets its own peak; elsewhere the peak only grows and a later phase
/// reports at least the earlier one's.
/// </summary>
public static class PeakMemory
{
    public static bool CanReset => File.Exists("/proc/self/clear_refs");

    public static void Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        // Aggressive: otherwise the collector keeps committed what the last phase freed (the bench's listing of the
        // corpus), and it counts in the next phase's peak.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (!CanReset) return;
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public static long PeakBytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
