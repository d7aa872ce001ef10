using System.Globalization;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// One day of a dataset split into entity buckets, as bounded steps any worker can run: pin the day's base and
/// inputs, stage every bucket (at most <see cref="BucketedDayInput.Slots"/> at once), then publish the day with one
/// manifest write. A failed bucket fails the day, stops its other buckets from starting, and nothing is published. A
/// publish whose pins no longer hold (another writer moved the day, or the pins grew too old) starts the day once more
/// from fresh pins, without retrying the publish.
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
            if (!Succeeded(pinned))
            {
                return Ended(context, started, pinned);
            }

            var staged = await SlidingWindow.RunAsync(
                Enumerable.Range(0, buckets),
                Math.Clamp(input.Slots, 1, buckets),
                async bucket => (Bucket: bucket, Outcome: await StepAsync(context, input, new BucketStep(BucketStepKind.Stage, commitId, bucket))),
                stopAfter: step => !Succeeded(step.Outcome));
            // The step's error already names its bucket.
            if (staged.Where(step => !Succeeded(step.Outcome)).OrderBy(step => step.Bucket).FirstOrDefault() is { Outcome: not null } failed)
            {
                return Ended(context, started, failed.Outcome with { Error = $"{failed.Outcome.Error}; nothing was published" });
            }

            var published = await StepAsync(context, input, new BucketStep(BucketStepKind.Publish, commitId));
            if (published.Kind != WorkItemOutcomeKind.Repin)
            {
                return Ended(context, started, published);
            }

            if (round >= Rounds)
            {
                // Retried like any transient failure by the run, which starts the day again.
                return Ended(context, started, published with { Kind = WorkItemOutcomeKind.Transient });
            }
        }
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
