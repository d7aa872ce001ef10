using Backfill.Core.Pointers;
using Backfill.Storage.Alerts;
using Backfill.Storage.Pointers;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// Flips (or rolls back) a pointer: completeness of the target version, the canary, the entity's
/// compare-and-set, then the version registry (the new version live, the old one retiring), the mirror blob and the
/// lineage record in the very next steps. A rollback to a retired version is refused: days it was not built for are missing. A crash between the
/// entity change and the mirror write is healed by the replay of this step, and by every later flip,
/// rollback or read of the pointer, which first moves the mirror up to the entity's state.
/// </summary>
public sealed class FlipOrchestrator : TaskOrchestrator<FlipRequest, FlipOutcome>
{
    /// <inheritdoc />
    public override async Task<FlipOutcome> RunAsync(TaskOrchestrationContext context, FlipRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var pointer = new EntityInstanceId(nameof(PointerEntity), input.Name);
        var state = await context.Entities.CallEntityAsync<PointerState>(pointer, nameof(PointerEntity.Get));
        await context.CallActivityAsync<PointerMirror>(nameof(PublishPointerActivity), new PointerPublication(state, null));
        var expectedSequence = input.ExpectedSequence ?? state.Sequence;
        var now = context.CurrentUtcDateTime;
        // Heals a registry that missed the last change (a crash between the pointer and the registry), then asks it.
        var registry = await VersionRegistryCalls.CallAsync(context, nameof(VersionRegistryEntity.Sync), state.Current);
        if (input.Operation == PointerOperation.Rollback)
        {
            if (state.History.Count > 0 && registry.RefuseRollback(state.History[0].Version) is { } retired)
            {
                return new FlipOutcome(FlipOutcomeKind.Conflict, state, retired, null, null);
            }

            var rolledBack = await context.Entities.CallEntityAsync<PointerChange>(
                pointer, nameof(PointerEntity.Rollback), new PointerRollback(expectedSequence, input.FlippedBy, now));
            return await PublishAsync(context, rolledBack, "rollback", null, null);
        }

        var to = input.To ?? throw new ArgumentException("A flip needs a target version.", nameof(input));
        var expectedCurrent = input.ExpectedCurrent ?? state.Current;

        // Refuse a stale request before the expensive checks; the entity's compare-and-set below stays the judge.
        if (state.RefuseFlip(expectedCurrent, to, expectedSequence) is { } refused)
        {
            return new FlipOutcome(FlipOutcomeKind.Conflict, state, refused, null, null);
        }

        var daily = await context.Entities.CallEntityAsync<DailyWatermarkState>(
            new EntityInstanceId(nameof(DailyWatermarkEntity), state.Current), nameof(DailyWatermarkEntity.Get));
        var completeness = await context.CallActivityAsync<CompletenessReport>(
            nameof(CheckCompletenessActivity), new CompletenessRequest(state.Current, to, input.Partitions, daily.Watermark));
        if (!completeness.IsComplete)
        {
            return await RefusedAsync(context, input, new FlipOutcome(FlipOutcomeKind.Incomplete, state,
                $"{to} is not complete: {completeness.Missing.Count} day(s) missing, {completeness.Failed.Count} failed validation", completeness, null));
        }

        // Seeded by the sequence the flip starts from: a replay or retry of this flip samples the same days.
        var sample = CanarySample.Choose(completeness.Required, unchecked((int)expectedSequence));
        var canary = await context.CallActivityAsync<CanaryReport>(nameof(CanaryActivity), new CanaryRequest(state.Current, to, sample));
        if (!canary.Passed)
        {
            return await RefusedAsync(context, input, new FlipOutcome(FlipOutcomeKind.CanaryFailed, state, $"canary failed: {canary.Summary}", completeness, canary));
        }

        if (input.DryRun)
        {
            return new FlipOutcome(FlipOutcomeKind.Checked, state, null, completeness, canary);
        }

        var flipped = await context.Entities.CallEntityAsync<PointerChange>(
            pointer, nameof(PointerEntity.Flip), new PointerFlip(expectedCurrent, to, expectedSequence, input.FlippedBy, now));
        return await PublishAsync(context, flipped, "flip", completeness, canary);
    }

    // A refused flip changed nothing, but the operator (or the automation) that asked for it needs to know why. A dry
    // run's caller reads the answer: the refusal is no event to alert on.
    private static async Task<FlipOutcome> RefusedAsync(TaskOrchestrationContext context, FlipRequest input, FlipOutcome refused)
    {
        if (input.DryRun)
        {
            return refused;
        }

        await AlertCalls.RaiseAsync(context, new AlertRequest(
            AlertSeverity.Warning, AlertKinds.FlipRefused, $"{AlertKinds.FlipRefused}:{context.InstanceId}",
            $"Flip of {refused.State.Name} refused: {refused.Reason}", RunId: context.InstanceId));
        return refused;
    }

    private static async Task<FlipOutcome> PublishAsync(
        TaskOrchestrationContext context, PointerChange change, string kind, CompletenessReport? completeness, CanaryReport? canary)
    {
        if (!change.Applied)
        {
            return new FlipOutcome(FlipOutcomeKind.Conflict, change.State, change.Reason, completeness, canary);
        }

        var state = change.State;
        await VersionRegistryCalls.CallAsync(context, nameof(VersionRegistryEntity.Sync), state.Current);
        var record = new PointerChangeRecord(
            state.Name, kind, change.From, state.Current, state.Sequence, state.FlippedAt!.Value, state.FlippedBy!,
            completeness?.Required.Count ?? 0, canary?.Summary ?? string.Empty);
        await context.CallActivityAsync<PointerMirror>(nameof(PublishPointerActivity), new PointerPublication(state, record));
        return new FlipOutcome(kind == "flip" ? FlipOutcomeKind.Flipped : FlipOutcomeKind.RolledBack, state, null, completeness, canary);
    }
}
