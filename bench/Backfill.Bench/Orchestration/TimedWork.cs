using System.Collections.Concurrent;
using Backfill.Core.Scheduling;

namespace Backfill.Bench.Orchestration;

/// <summary>Records when each unit of benchmark work ran, so makespan and slot efficiency come from real timestamps.</summary>
internal sealed class TimedWork
{
    private readonly ConcurrentQueue<(DateTimeOffset Start, DateTimeOffset End, int WorkMs)> _runs = new();

    public async Task RunAsync(int workMs)
    {
        var start = DateTimeOffset.UtcNow;
        await Task.Delay(workMs);
        _runs.Enqueue((start, DateTimeOffset.UtcNow, workMs));
    }

    public void Clear() => _runs.Clear();

    public int Count => _runs.Count;

    public TimeSpan Makespan => _runs.IsEmpty ? TimeSpan.Zero : _runs.Max(r => r.End) - _runs.Min(r => r.Start);

    public int MaxOverlap => Intervals.MaxOverlap(_runs.Select(r => (r.Start, r.End)));

    /// <summary>(Σ work / cap) / makespan: 1.0 means every slot was busy the whole time.</summary>
    public double SlotEfficiency(int cap) => _runs.Sum(r => (double)r.WorkMs) / cap / Makespan.TotalMilliseconds;
}
