using Backfill.Core.Partitions;
using Backfill.Core.Pointers;
using Backfill.Core.Validation;
using Backfill.Storage.Lineage;
using Backfill.Storage.Reading;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Activities;

/// <summary>
/// The completeness check of a flip: every required day (by default every closed day from the current version's
/// first committed day up to its committed watermark) has a live commit in the target version whose validation
/// (recorded in its lineage row by the partition gate) did not fail.
/// </summary>
public sealed class CheckCompletenessActivity(LakeReady lakeReady) : TaskActivity<CompletenessRequest, CompletenessReport>
{
    private const int Concurrency = 16;

    /// <inheritdoc />
    public override async Task<CompletenessReport> RunAsync(TaskActivityContext context, CompletenessRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var reader = new PartitionReader(lake);
        var lineage = new LineageStore(lake);
        IReadOnlyList<Day> required = input.Partitions is { } partitions
            ? [.. PartitionSetParser.Parse(partitions, new PartitionSetParseOptions { MaxDays = int.MaxValue })]
            : Completeness.RequiredDays(
                await reader.ListCommittedDaysAsync(input.Current, CancellationToken.None).ConfigureAwait(false), input.CommittedWatermark);
        var committed = new System.Collections.Concurrent.ConcurrentDictionary<Day, ValidationStatus?>();
        await Parallel.ForEachAsync(required, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (day, token) =>
        {
            if (await reader.GetLiveCommitAsync(input.Target, day, token).ConfigureAwait(false) is { } commit)
            {
                committed[day] = (await lineage.GetAsync(input.Target, day, commit.CommitId, token).ConfigureAwait(false))?.Validation;
            }
        }).ConfigureAwait(false);
        return Completeness.Check(required, committed);
    }
}
