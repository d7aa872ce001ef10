namespace Backfill.Bench.Orchestration;

/// <summary>A fan-out workload: one entry per item, its work in milliseconds.</summary>
internal sealed record BenchFanOut(IReadOnlyList<int> WorkMs, int MaxParallel);
