using System.Diagnostics;

namespace Backfill.Bench;

/// <summary>
/// One measured phase: median time over the iterations, and of the last run the managed bytes allocated and how
/// far resident memory rose above where the phase started.
/// </summary>
internal sealed record Measurement(string Name, TimeSpan Median, long AllocatedBytes, long? PeakGrowthBytes, string Check)
{
    /// <summary>Runs once to warm up, then <paramref name="iterations"/> timed runs; the check text comes from the last.</summary>
    public static async Task<Measurement> RunAsync(string name, int iterations, Func<Task<string>> phase)
    {
        await phase();
        var times = new List<TimeSpan>();
        var check = string.Empty;
        long allocated = 0;
        long? peak = null;
        for (var i = 0; i < iterations; i++)
        {
            var start = PeakMemory.Reset();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            check = await phase();
            times.Add(Stopwatch.GetElapsedTime(started));
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            peak = PeakMemory.Peak() - start is { } growth ? Math.Max(0, growth) : null;
        }

        times.Sort();
        return new Measurement(name, times[times.Count / 2], allocated, peak, check);
    }
}
