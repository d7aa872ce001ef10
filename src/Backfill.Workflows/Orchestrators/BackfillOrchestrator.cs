using Backfill.Core.Layers;
using Backfill.Core.Pointers;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// Runs a backfill's plan: a sliding window of at most max parallel work items, each started as
/// soon as every item it depends on succeeded, refilled as each finishes. One orchestration holds
/// the window, so the cap is global; it continues as new every <see cref="GenerationSize"/> finished
/// items so no history grows past a few thousand events, whatever the backfill's size.
/// </summary>
public sealed class BackfillOrchestrator : TaskOrchestrator<BackfillState, BackfillProgress>
{
    /// <summary>Items finished per generation before the orchestration continues as new.</summary>
    public const int GenerationSize = 400;

    /// <summary>Claims again while items wait, per generation, before the orchestration continues as new.</summary>
    public const int ClaimTicksPerGeneration = 100;

    /// <summary>The pause reason of an operator's pause (as opposed to a code-version change).</summary>
    public const string OperatorPauseReason = "paused by an operator";

    /// <inheritdoc />
    public override async Task<BackfillProgress> RunAsync(TaskOrchestrationContext context, BackfillState input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var spec = input.Spec;
        var plan = PlanCache.Get(spec);
        var wanted = ClaimCalls.PartitionsOf(plan.Items, spec.Target);

        // Claimed at the start of every generation: the first claim decides refused or accepted; later ones (always
        // waiting) renew the lease and pick up partitions freed meanwhile.
        var claim = await ClaimCalls.ClaimAsync(context, daily: false, wanted, wait: input.Registered || spec.WaitOnConflict, input.Evict ?? []);
        if (claim.Refused)
        {
            var first = claim.Conflicts[0];
            var rejected = new BackfillProgress(BackfillStatus.Rejected, BackfillCounts.Of([]), [], input.MaxParallel, context.CurrentUtcDateTime,
                context.CurrentUtcDateTime, null, input.Generation, $"partitions are claimed by another run: {first.Describe()}", first.RunId,
                Conflicts: [.. claim.Conflicts.Take(3)]);
            context.SetCustomStatus(rejected);
            return rejected;
        }

        if (!input.Registered && spec.Layers.Contains(Layer.Features))
        {
            // A backfill that fills a version that is not live makes it a candidate, which the daily run then keeps current.
            await VersionRegistryCalls.CallAsync(
                context, nameof(VersionRegistryEntity.Register), new VersionRegistration(spec.Target, await VersionRegistryCalls.LiveAsync(context)));
        }

        input = input with { Registered = true, Evict = null };
        using var run = new BackfillRun(context, input, plan, wanted, claim);
        var progress = await run.ExecuteAsync();
        if (run.ContinueAsNew)
        {
            context.ContinueAsNew(run.NextState, preserveUnprocessedEvents: true);
            return progress;
        }

        if (spec.FlipOnSuccess && progress.Status == BackfillStatus.Completed)
        {
            // Flipped while the days are still claimed, so no other backfill rewrites the target under the canary;
            // shown as running until the flip ends, so a client that waits for the backfill also waits for its flip.
            context.SetCustomStatus(progress with
            {
                Status = BackfillStatus.Running, Reason = $"every item succeeded; flipping {FeaturePointer.Name} to {spec.Target}", Items = null,
            });
            progress = progress with { Flip = await FlipAsync(context, spec) };
            context.SetCustomStatus(progress with { Items = null });
        }

        // Every terminal path (completed, failed, canceled) gives the activity slots back; a signal is enough, the
        // release is idempotent and nothing here waits for it.
        await context.Entities.SignalEntityAsync(ActivityBudgetEntity.Global, nameof(ActivityBudgetEntity.Release), context.InstanceId);
        await ClaimCalls.ReleaseAsync(context);
        return progress;
    }

    private static async Task<string> FlipAsync(TaskOrchestrationContext context, BackfillSpec spec)
    {
        var request = new FlipRequest(FeaturePointer.Name, PointerOperation.Flip, spec.Target, null, null, null, context.InstanceId);
        try
        {
            var outcome = await context.CallSubOrchestratorAsync<FlipOutcome>(
                nameof(FlipOrchestrator), request, new SubOrchestrationOptions { InstanceId = context.InstanceId + "-flip" });
            return outcome.Changed
                ? $"flipped {FeaturePointer.Name} to {outcome.State.Current} at sequence {outcome.State.Sequence}"
                : $"not flipped ({outcome.Kind}): {outcome.Reason}";
        }
        catch (TaskFailedException ex)
        {
            return $"not flipped: the flip run failed: {ex.FailureDetails.ErrorMessage}";
        }
    }
}
