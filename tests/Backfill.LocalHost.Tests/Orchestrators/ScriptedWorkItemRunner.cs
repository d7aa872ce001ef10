using System.Collections.Concurrent;
using Backfill.Core.Planning;
using Backfill.Core.Scheduling;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Models;

namespace Backfill.LocalHost.Tests.Orchestrators;

/// <summary>
/// A stand-in for the data plane in orchestration component tests: each item holds its slot for a
/// scripted time and fails as scripted, and every attempt is recorded with real timestamps so the
/// tests measure concurrency and order from what actually ran.
/// </summary>
internal sealed class ScriptedWorkItemRunner(Func<WorkItem, int> durationMs) : IWorkItemRunner
{
    public ConcurrentQueue<(WorkItemRequest Request, DateTimeOffset Start, DateTimeOffset End)> Attempts { get; } = new();

    /// <summary>Items that fail transiently on their first N attempts.</summary>
    public ConcurrentDictionary<WorkItem, int> TransientFailures { get; } = new();

    /// <summary>Items that always fail deterministically (as failed validation would).</summary>
    public ConcurrentDictionary<WorkItem, string> PermanentFailures { get; } = new();

    /// <summary>Buckets of bucketed days whose stage step always fails deterministically, and at once.</summary>
    public ConcurrentDictionary<(WorkItem Item, int Bucket), string> BucketFailures { get; } = new();

    /// <summary>Bucketed days whose first N publish steps find the day moved past their pins.</summary>
    public ConcurrentDictionary<WorkItem, int> MovedPublishes { get; } = new();

    public async Task<WorkItemRunResult> RunAsync(WorkItemRequest request, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow;
        try
        {
            // A failing bucket fails at once, while its neighbours still hold their slots: the orchestrator hears of the
            // failure before any slot frees, so which buckets start after it is decided by the code, not by a race.
            if (request.Step is { Kind: BucketStepKind.Stage } stage && BucketFailures.TryGetValue((request.Item, stage.Bucket), out var bucketReason))
            {
                throw new WorkItemFailedException(bucketReason);
            }

            await Task.Delay(durationMs(request.Item), cancellationToken);
            if (PermanentFailures.TryGetValue(request.Item, out var reason))
            {
                throw new WorkItemFailedException(reason);
            }

            if (request.Step is { Kind: BucketStepKind.Publish } && MovedPublishes.TryGetValue(request.Item, out var moves) && moves > 0)
            {
                MovedPublishes[request.Item] = moves - 1;
                throw new DayMovedException($"{request.Item.Id} moved past its pins");
            }

            if (TransientFailures.TryGetValue(request.Item, out var failures) && request.Attempt <= failures)
            {
                throw new IOException($"injected transient failure {request.Attempt}");
            }

            // A staging day's pin names its event id exchange, as the data plane's does.
            var idRanges = request.Step is { Kind: BucketStepKind.Pin } ? IdExchange.RangesOf(Datasets.Of(request.Item.Layer, request.Target), request.Buckets) : 0;
            return new WorkItemRunResult(false, 10, $"commit-{request.Item.Id}-{request.Attempt}", IdRanges: idRanges);
        }
        finally
        {
            Attempts.Enqueue((request, start, DateTimeOffset.UtcNow));
        }
    }

    public int MaxOverlap() => Intervals.MaxOverlap(Attempts.Select(a => (a.Start, a.End)));
}
