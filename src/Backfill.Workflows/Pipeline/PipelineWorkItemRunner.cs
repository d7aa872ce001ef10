using System.Diagnostics;
using Backfill.Core.Buckets;
using Backfill.Core.Features;
using Backfill.Core.Landing;
using Backfill.Core.Layers;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Versioning;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Reading;
using Backfill.Storage.Alerts;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Pipeline;

/// <summary>
/// Runs one work item through the data plane: build the (layer, day) partition from its inputs,
/// validate the staged commit, publish it with a conditional manifest write. Content equal to the
/// live commit's from the same code and config is not published again: the item is skipped, or, when that live
/// commit is this run's own (the item was redelivered after its host stopped), it succeeded.
/// </summary>
/// <remarks>
/// A commit that fails validation is not published (the previous commit stays live); an error alert names the
/// failed checks, and the item fails with every result attached. A day split into entity buckets runs as steps
/// (<see cref="WorkItemRequest.Step"/>): pin, map raw's landing files, exchange staging's event ids, stage each bucket,
/// publish; only the publish step
/// ends like a day's item.
/// </remarks>
public sealed class PipelineWorkItemRunner(
    LakeReady lakeReady, ICommitValidator validator, AlertRaiser alerts, LateDataRecording lateData, IOptions<FaultHookSettings> faultHooks,
    IOptions<LayoutSettings> layout, ILogger<PipelineWorkItemRunner> logger)
    : IWorkItemRunner
{
    /// <inheritdoc />
    public async Task<WorkItemRunResult> RunAsync(WorkItemRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var target = FeatureVersions.Get(request.Target);
        if (request.Item.Layer == Layer.Features && target.ConfigHash != request.ConfigHash)
        {
            // The definitions changed under a pinned backfill; publishing would mix two configs.
            throw new WorkItemFailedException($"config hash changed mid-backfill: pinned {request.ConfigHash}, running {target.ConfigHash}");
        }

        var dataset = Datasets.Of(request.Item.Layer, target.Name);
        if (layout.Value.For(dataset).Value != request.Buckets)
        {
            // Buckets of two layouts cannot make one day, and a day built in the wrong layout would be rebuilt anyway.
            throw new WorkItemFailedException(
                $"layout changed mid-run: {dataset} was pinned at {request.Buckets} bucket(s), {LayoutSettings.Section}:Buckets:{dataset} is now {layout.Value.For(dataset).Value}");
        }

        var reader = new PartitionReader(lake);
        var day = request.Item.Partition;
        if (request.Item.Layer == Layer.Features && request.Step is null or { Kind: BucketStepKind.Pin }
            && await reader.GetLiveCommitAsync(Datasets.Staging, day, cancellationToken).ConfigureAwait(false) is null)
        {
            // Earlier window days may be missing at the start of history; the day itself may not.
            throw new WorkItemFailedException($"upstream missing: staging/{day} has no committed partition");
        }

        var landing = new LandingReader(lake, ArrivalWindow.Default);
        var exchange = new IdExchange(lake);
        IBucketContentBuilder builder = request.Item.Layer switch
        {
            Layer.Raw => new RawPartitionBuilder(landing, reader, day, request.ProcessingTime.UtcDateTime, layout.Value.MapGroupBytes),
            Layer.Staging => new StagingPartitionBuilder(reader, exchange, day),
            _ => new FeaturePartitionBuilder(reader, target, day),
        };
        var run = new RunContext(
            request.BackfillId, request.Trigger, request.Trigger == RunTrigger.Backfill ? request.BackfillId : null, new CodeVersion(request.CodeVersion),
            PipelineConfig.ConfigHashOf(request.Item.Layer, target, BucketCount.Of(request.Buckets)), request.BaselineAsOf);
        var commit = new CommitRequest(dataset, day, request.WriteMode, run);
        var buckets = new BucketedCommitter(lake, AfterManifestWrite());

        CommitResult result;
        try
        {
            switch (request.Step)
            {
                case { Kind: BucketStepKind.Pin } pin:
                    var pins = await buckets.PinAsync(commit, pin.CommitId, BucketCount.Of(request.Buckets), builder, cancellationToken).ConfigureAwait(false);
                    return new WorkItemRunResult(false, 0, pin.CommitId, MapGroups: pins.MapGroups, IdRanges: pins.IdRanges);
                case { Kind: BucketStepKind.Map } map:
                    var pinned = await buckets.PinsAsync(commit, map.CommitId, cancellationToken).ConfigureAwait(false);
                    var lines = await landing.Map.MapAsync(pinned.Landing, map.Bucket, BucketCount.Of(pinned.Buckets), cancellationToken).ConfigureAwait(false);
                    return new WorkItemRunResult(false, lines, map.CommitId);
                case { Kind: BucketStepKind.Ids } ids:
                    var sent = await exchange.ListAsync(await buckets.PinsAsync(commit, ids.CommitId, cancellationToken).ConfigureAwait(false), ids.Bucket, cancellationToken)
                        .ConfigureAwait(false);
                    return new WorkItemRunResult(false, sent, ids.CommitId);
                case { Kind: BucketStepKind.Resolve } resolve:
                    var losing = await exchange.ResolveAsync(
                        await buckets.PinsAsync(commit, resolve.CommitId, cancellationToken).ConfigureAwait(false), resolve.Bucket, cancellationToken).ConfigureAwait(false);
                    return new WorkItemRunResult(false, losing, resolve.CommitId);
                case { Kind: BucketStepKind.Stage } stage:
                    var staged = await buckets.StageBucketAsync(commit, stage.CommitId, stage.Bucket, builder, validator, cancellationToken).ConfigureAwait(false);
                    return new WorkItemRunResult(false, staged.RowCount, stage.CommitId);
                case { Kind: BucketStepKind.Publish } publish:
                    result = await buckets.PublishAsync(commit, publish.CommitId, validator, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    result = await new PartitionCommitter(lake, AfterManifestWrite()).CommitAsync(commit, builder, validator, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (MissingPartitionException ex)
        {
            throw new WorkItemFailedException($"upstream missing: {ex.Message}", ex);
        }

        return await ConcludeAsync(request, dataset, run, result, cancellationToken).ConfigureAwait(false);
    }

    // What a day's commit means for the item: alerts and a failure for a rejected commit, the late-data metrics for
    // a staging backfill, and the result.
    private async Task<WorkItemRunResult> ConcludeAsync(
        WorkItemRequest request, string dataset, RunContext run, CommitResult result, CancellationToken cancellationToken)
    {
        var day = request.Item.Partition;
        BackfillTelemetry.Committed(result);

        if (result.Repaired is { } repair)
        {
            Log.LineageRepairedByRun(logger, repair.Dataset, repair.Partition, repair.CommitId, repair.Was, request.BackfillId);
        }

        if (result.Status == CommitStatus.Rejected)
        {
            var failures = result.Validation.Failures;
            var reason = "validation failed: " + string.Join("; ", failures.Select(f => f.Column is null ? $"{f.Name}: {f.Message}" : $"{f.Name}({f.Column}): {f.Message}"));
            await alerts.RaiseAsync(
                AlertSeverity.Error, AlertKinds.ValidationFailed,
                $"{dataset}/{day} not published; the previous commit stays live. {reason}",
                dataset, day.ToString(), request.BackfillId,
                new { commitId = result.Commit.CommitId, failures = failures.Select(ValidationResultView.Of) },
                cancellationToken).ConfigureAwait(false);
            throw new WorkItemFailedException(reason, result.Validation.Results);
        }

        if (request.Item.Layer == Layer.Staging && request.Trigger == RunTrigger.Backfill && result.Status != CommitStatus.Conflict)
        {
            // Daily runs record theirs in their own step, under their own trigger.
            await RecordLateDataAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return result.Status switch
        {
            CommitStatus.Published => new WorkItemRunResult(false, result.Commit.RowCount, result.Commit.CommitId),
            // Unchanged names the live commit: when this run published it, an earlier delivery of this item did.
            CommitStatus.Unchanged when result.Commit.Lineage.RunId == run.RunId =>
                new WorkItemRunResult(false, result.Commit.RowCount, result.Commit.CommitId, Redelivered: true),
            CommitStatus.Unchanged => new WorkItemRunResult(true, result.Commit.RowCount, result.Commit.CommitId),
            // A bucketed day was built against the pinned base: rebuilding means new pins, not another publish.
            _ when request.Step is not null => throw new DayMovedException(
                $"{dataset}/{day}: another writer published first; the day starts again from fresh pins"),
            _ => throw new InvalidOperationException(
                $"{dataset}/{day}: another writer published first ({result.Status} after {result.Attempts} attempt(s)); retrying rebuilds from the new base"),
        };
    }

    // The metrics describe the data: failing to record them must not fail the partition's build. The next build of
    // the day records them again from what has landed.
    private async Task RecordLateDataAsync(WorkItemRequest request, CancellationToken cancellationToken)
    {
        var day = request.Item.Partition;
        try
        {
            await lateData.RecordAsync(day, request.Trigger, request.ProcessingTime, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex)
        {
            Log.LateDataUnrecorded(logger, ex, day, request.BackfillId);
            await alerts.RaiseOnceAsync(LateDataAlerts.Unrecorded(day, "the day's late-data metrics", ex.Message, request.BackfillId), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    // The crash drill's hook (FaultHookSettings): SIGKILL of this process between the manifest and lineage writes.
    private Action<CommitRecord>? AfterManifestWrite() => faultHooks.Value.ExitAfterManifestWrite is { } target
        ? commit =>
        {
            if (string.Equals($"{commit.Dataset}/{commit.Partition}", target, StringComparison.Ordinal))
            {
                Log.CrashDrillExit(logger, commit.Dataset, commit.Partition, commit.CommitId);
                using var self = Process.GetCurrentProcess();
                self.Kill();
            }
        }
        : null;
}
