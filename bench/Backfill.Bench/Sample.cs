using System.Diagnostics;

namespace Backfill.Bench;

/// <summary>One timed call: its wall time, the process's CPU time over it (every core's work) and the managed bytes it allocated.</summary>
internal sealed record Sample(TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes)
{
    public static async Task<(Sample Sample, T Result)> TakeAsync<T>(Func<Task<T>> call)
    {
        using var process = Process.GetCurrentProcess();
        var (cpu, allocated, started) = (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), Stopwatch.GetTimestamp());
        var result = await call();
        var wall = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        return (new Sample(wall, process.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated), result);
    }

    // Each measure's own median: the runs vary independently.
    public static Sample Median(IEnumerable<Sample> samples)
    {
        var list = samples.ToList();
        T Middle<T>(Func<Sample, T> of) => list.Select(of).Order().ElementAt(list.Count / 2);
        return new Sample(Middle(s => s.Wall), Middle(s => s.Cpu), Middle(s => s.AllocatedBytes));
    }
}
