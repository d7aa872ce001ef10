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
/// Its own orchestration, so a day's steps stay out of the run's history: the run sees one item. It continues as new
/// after <see cref="StepsPerGeneration"/> steps and before a new round, so its own history stays bounded too.
/// </summary>
public sealed class BucketedDayOrchestrator : TaskOrchestrator<BucketedDayInput, WorkItemOutcome>
{
    /// <summary>
    /// The most steps one generation of a day starts before it continues as new, so a day's history stays bounded
    /// whatever its bucket, map group and id range counts: a staging day of 16 buckets (50 steps) runs in one.
    /// </summary>
    public const int StepsPerGeneration = 64;

    // Fresh pins once: a second lost race means another writer keeps writing the day; the run's retry starts it again.
    private const int Rounds = 2;

    /// <inheritdoc />
    public override async Task<WorkItemOutcome> RunAsync(TaskOrchestrationContext context, BucketedDayInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var at = input.Position ?? new BucketedDayPosition(1, context.CurrentUtcDateTime, null, null, BucketStepKind.Pin, 0);
        for (var budget = StepsPerGeneration; budget > 0;)
        {
            var (next, ended, ran) = await AdvanceAsync(context, input, at, budget);
            budget -= ran;
            at = next;
            if (ended is null)
            {
                continue;
            }

            if (ended.Kind != WorkItemOutcomeKind.Repin)
            {
                return Ended(context, at.Started, ended);
            }

            if (at.Round >= Rounds)
            {
                // Retried like any transient failure by the run, which starts the day again.
                return Ended(context, at.Started, ended with { Kind = WorkItemOutcomeKind.Transient });
            }

            // The new round starts in a fresh history too.
            at = new BucketedDayPosition(at.Round + 1, at.Started, null, null, BucketStepKind.Pin, 0);
            break;
        }

        context.ContinueAsNew(input with { Position = at });

        // Ignored: the day's outcome is its last generation's.
        return null!;
    }

    // Runs the day's next steps from `at`, at most `budget` of them: the pin step, the publish step, or the next steps
    // of one map, ids, resolve or stage phase. Returns where the day goes on, the outcome that ends the round (a failed
    // step, or the publish), and the steps it ran.
    private static async Task<(BucketedDayPosition At, WorkItemOutcome? Ended, int Ran)> AdvanceAsync(
        TaskOrchestrationContext context, BucketedDayInput input, BucketedDayPosition at, int budget)
    {
        switch (at.Kind)
        {
            case BucketStepKind.Pin:
                var commitId = CommitIdOf(context);
                var pinned = await StepAsync(context, input, new BucketStep(BucketStepKind.Pin, commitId));
                return Succeeded(pinned) ? (PhaseAfter(at with { CommitId = commitId, Pinned = pinned }), null, 1) : (at, pinned, 1);
            case BucketStepKind.Publish:
                return (at, await StepAsync(context, input, new BucketStep(BucketStepKind.Publish, at.CommitId!)), 1);
            default:
                var count = at.Kind switch
                {
                    BucketStepKind.Map => at.Pinned!.MapGroups,
                    BucketStepKind.Ids or BucketStepKind.Resolve => at.Pinned!.IdRanges,
                    _ => input.Request.Buckets,
                };
                var take = Math.Min(count - at.Next, budget);
                var failed = await FirstFailureAsync(context, input, at.Kind, at.CommitId!, at.Next, take);
                var next = failed is not null || at.Next + take < count ? at with { Next = at.Next + take } : PhaseAfter(at);
                return (next, failed, take);
        }
    }

    // Pin, map, ids, resolve, stage, publish: the kinds in the order a round runs them.
    private static BucketedDayPosition PhaseAfter(BucketedDayPosition at) => at with { Kind = at.Kind + 1, Next = 0 };

    // Runs steps first..first+count-1 of the day's map, ids, resolve or stage phase, at most Slots at once; after one
    // fails no other starts. The first failure, by step number, names the day's failure (its error already names the step).
    private static async Task<WorkItemOutcome?> FirstFailureAsync(
        TaskOrchestrationContext context, BucketedDayInput input, BucketStepKind kind, string commitId, int first, int count)
    {
        if (count == 0)
        {
            return null;
        }

        var ran = await SlidingWindow.RunAsync(
            Enumerable.Range(first, count),
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
