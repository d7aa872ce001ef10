using Backfill.Storage.Building;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Models;

namespace Backfill.Bench.Orchestration;

/// <summary>Work items that only hold their slot for a scripted time: isolates the orchestration's own cost.</summary>
internal sealed class SleepingRunner(TimedWork work) : IWorkItemRunner
{
    public Func<WorkItemRequest, int> WorkMs { get; set; } = _ => 0;

    public async Task<WorkItemRunResult> RunAsync(WorkItemRequest request, CancellationToken cancellationToken)
    {
        await work.RunAsync(WorkMs(request));

        // A staging day's pin names its event id exchange, as the data plane's does, so its ids and resolve steps run too.
        var idRanges = request.Step is { Kind: BucketStepKind.Pin } ? IdExchange.RangesOf(Datasets.Of(request.Item.Layer, request.Target), request.Buckets) : 0;
        return new WorkItemRunResult(false, 0, null, IdRanges: idRanges);
    }
}
