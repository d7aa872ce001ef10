using System.Globalization;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// One day of a dataset split into entity buckets, as bounded steps any worker can run: pin the day's base and
/// inputs (for raw, its landing files), map raw's landing files into buckets one group at a time, for staging exchange
/// its event ids (each bucket's ids steps, then each id range's resolve steps), stage every bucket
/// (at most <see cref="BucketedDayInput.Slots"/> steps at once), then publish the day with one manifest write. A failed
/// step fails the day, stops the day's other steps from starting, and nothing is published. A step that finds the
/// pins no longer hold (another writer moved the day, the pins grew too old, or a map or exchange file is gone) starts
/// the day once more from fresh pins, without retrying that step.
/// Its own orchestration, so a day's steps stay out of the run's history: the run sees one item.
/// </summary>
public sealed class BucketedDayOrchestrator : TaskOrchestrator<BucketedDayInput, WorkItemOutcome>
{
    // Fresh pins once: a second lost race means another writer keeps writing the day; the run's retry starts it again.
    private const int Rounds = 2;

    /// <inheritdoc />
    public override async Task<WorkItemOutcome> RunAsync(TaskOrchestrationContext context, BucketedDayInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var started = context.CurrentUtcDateTime;
        var buckets = input.Request.Buckets;
        for (var round = 1; ; round++)
        {
            var commitId = CommitIdOf(context);
            var pinned = await StepAsync(context, input, new BucketStep(BucketStepKind.Pin, commitId));
            var failed = Succeeded(pinned) ? null : pinned;
            failed ??= await FirstFailureAsync(context, input, BucketStepKind.Map, commitId, pinned.MapGroups);
            failed ??= await FirstFailureAsync(context, input, BucketStepKind.Ids, commitId, pinned.IdRanges);
            failed ??= await FirstFailureAsync(context, input, BucketStepKind.Resolve, commitId, pinned.IdRanges);
            failed ??= await FirstFailureAsync(context, input, BucketStepKind.Stage, commitId, buckets);
            var ended = failed ?? await StepAsync(context, input, new BucketStep(BucketStepKind.Publish, commitId));
            if (ended.Kind != WorkItemOutcomeKind.Repin)
            {
                return Ended(context, started, ended);
            }

            if (round >= Rounds)
            {
                // Retried like any transient failure by the run, which starts the day again.
                return Ended(context, started, ended with { Kind = WorkItemOutcomeKind.Transient });
            }
        }
    }

    // Runs the day's map, ids, resolve or stage steps, at most Slots at once; after one fails no other starts. The first failure,
    // by step number, names the day's failure (its error already names the step).
    private static async Task<WorkItemOutcome?> FirstFailureAsync(
        TaskOrchestrationContext context, BucketedDayInput input, BucketStepKind kind, string commitId, int count)
    {
        if (count == 0)
        {
            return null;
        }

        var ran = await SlidingWindow.RunAsync(
            Enumerable.Range(0, count),
            Math.Clamp(input.Slots, 1, count),
            async index => (Index: index, Outcome: await StepAsync(context, input, new BucketStep(kind, commitId, index))),
            stopAfter: step => !Succeeded(step.Outcome));
        return ran.Where(step => !Succeeded(step.Outcome)).OrderBy(step => step.Index).Select(step => step.Outcome).FirstOrDefault() is { } failed
            ? failed with { Error = $"{failed.Error}; nothing was published" }
            : null;
    }

    private static bool Succeeded(WorkItemOutcome outcome) => outcome.Kind is WorkItemOutcomeKind.Succeeded or WorkItemOutcomeKind.Skipped;

    private static async Task<WorkItemOutcome> StepAsync(TaskOrchestrationContext context, BucketedDayInput input, BucketStep step) =>
        (await WorkItemCalls.RunAsync(
            context, attempt => input.Request with { Attempt = attempt, Step = step }, input.Retries, input.RetryDelaySeconds)).Outcome;

    // The day's time on the orchestration clock: the run's ETA divides it by the slots the day held.
    private static WorkItemOutcome Ended(TaskOrchestrationContext context, DateTime started, WorkItemOutcome outcome) =>
        outcome with { DurationMilliseconds = (long)(context.CurrentUtcDateTime - started).TotalMilliseconds };

    // A version 7 layout (time first, so commit ids sort by time as PartitionCommitter's do) from the orchestration
    // clock and the replay-safe NewGuid: the same id on every replay, so every step of the day names one commit.
    private static string CommitIdOf(TaskOrchestrationContext context)
    {
        Span<byte> bytes = stackalloc byte[16];
        context.NewGuid().TryWriteBytes(bytes, bigEndian: true, out _);
        var milliseconds = new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true).ToString("N", CultureInfo.InvariantCulture);
    }
}
