using Azure;
using Backfill.Core.Validation;
using Backfill.Core.Versioning;
using Backfill.Storage.Backfills;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Workflows.Models;
using Backfill.Workflows.Telemetry;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Backfill.Workflows.Activities;

/// <summary>
/// One attempt at one work item. It never throws for work failures: it classifies them, so the
/// orchestration decides about retries with durable timers and knows every attempt's number.
/// </summary>
public sealed class RunWorkItemActivity(IWorkItemRunner runner, BackfillItemStore items, TimeProvider time, ILogger<RunWorkItemActivity> logger)
    : TaskActivity<WorkItemRequest, WorkItemOutcome>
{
    /// <inheritdoc />
    public override async Task<WorkItemOutcome> RunAsync(TaskActivityContext context, WorkItemRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // Every log line of this attempt carries these; Application Insights shows them as custom dimensions.
        var dataset = Datasets.Of(input.Item.Layer, input.Target);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["BackfillId"] = input.BackfillId,
            ["Dataset"] = dataset,
            ["Partition"] = input.Item.Partition.ToString(),
        });
        using var span = BackfillTelemetry.StartWorkItem(input, dataset);
        var startedAt = time.GetUtcNow();
        var (outcome, validation) = await AttemptAsync(input).ConfigureAwait(false);
        if (input.Step is { Kind: not BucketStepKind.Publish } step && outcome.Error is { } error)
        {
            // The day's item details and alerts name the step that failed.
            outcome = outcome with
            {
                Error = step.Kind switch
                {
                    BucketStepKind.Pin => $"pin: {error}",
                    BucketStepKind.Map => $"map group {step.Bucket}: {error}",
                    BucketStepKind.Ids => $"event ids of bucket {step.Bucket} of {input.Buckets}: {error}",
                    BucketStepKind.Resolve => $"id range {step.Bucket} of {input.Buckets}: {error}",
                    _ => $"bucket {step.Bucket} of {input.Buckets}: {error}",
                },
            };
        }

        BackfillTelemetry.WorkItemEnded(span, input, outcome);

        var record = new BackfillItemRecord(
            input.Item.Id, JsonNamingPolicy.CamelCase.ConvertName(outcome.Kind.ToString()), input.Attempt, outcome.Rows, outcome.DurationMilliseconds,
            outcome.Error, startedAt, time.GetUtcNow(), validation, outcome.Redelivered);

        // The day's item details describe the day: its publish, or a step that went wrong (a staged bucket or a pin that
        // succeeded says nothing an operator needs, and would overwrite the day's last failure).
        if (input.Step is null or { Kind: BucketStepKind.Publish } || outcome.Error is not null)
        {
            await RecordAsync(input, () => items.RecordAsync(input.BackfillId, record, CancellationToken.None)).ConfigureAwait(false);
        }

        // Every step, for the day's expanded view (one row per bucket, so a bucket's attempts are its own).
        if (input.Step is { } done)
        {
            await RecordAsync(input, () => items.RecordStepAsync(input.BackfillId, done.Name, record, CancellationToken.None)).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task<(WorkItemOutcome Outcome, IReadOnlyList<ValidationResult>? Validation)> AttemptAsync(WorkItemRequest input)
    {
        var running = CodeVersion.Current.Value;
        if (running != input.CodeVersion)
        {
            // Mixing outputs of two code versions in one backfill is never what the user wants.
            return (new WorkItemOutcome(WorkItemOutcomeKind.CodeVersionMismatch, 0, 0,
                $"code version changed mid-backfill: pinned {input.CodeVersion}, running {running}"), null);
        }

        var started = time.GetTimestamp();
        try
        {
            var result = await runner.RunAsync(input, CancellationToken.None).ConfigureAwait(false);
            var kind = result.Skipped ? WorkItemOutcomeKind.Skipped : WorkItemOutcomeKind.Succeeded;
            return (new WorkItemOutcome(kind, result.Rows, Elapsed(started), null, result.Redelivered, result.MapGroups, result.IdRanges), null);
        }
        catch (WorkItemFailedException ex)
        {
            Log.WorkItemAttemptFailed(logger, input.BackfillId, input.Item.Id, input.Attempt, ex.Message);
            return (new WorkItemOutcome(WorkItemOutcomeKind.Failed, 0, Elapsed(started), ex.Message), ex.Validation);
        }
        catch (DayMovedException ex)
        {
            Log.WorkItemAttemptFailed(logger, input.BackfillId, input.Item.Id, input.Attempt, ex.Message);
            return (new WorkItemOutcome(WorkItemOutcomeKind.Repin, 0, Elapsed(started), ex.Message), null);
        }
#pragma warning disable CA1031 // Any other failure is retried by the orchestration; it must not crash the activity.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.WorkItemAttemptTransient(logger, ex, input.BackfillId, input.Item.Id, input.Attempt);
            return (new WorkItemOutcome(WorkItemOutcomeKind.Transient, 0, Elapsed(started), $"{ex.GetType().Name}: {ex.Message}"), null);
        }
    }

    // Item details are for people; the orchestration's own state is authoritative, so a failed
    // write here is logged, never turned into a failed item.
    private async Task RecordAsync(WorkItemRequest input, Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            Log.WorkItemRecordFailed(logger, ex, input.BackfillId, input.Item.Id);
        }
    }

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}
