using Backfill.Core.Buckets;
using Backfill.Core.Estimating;
using Backfill.Core.Features;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Versioning;
using Backfill.Storage.Building;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Backfill.Workflows.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Api;

/// <summary>
/// Starts backfills: <c>POST /api/backfills</c> (or its dry run) and <c>POST /api/backfills/{id}/retry-failed</c>.
/// The client is a parameter because each host supplies its own.
/// </summary>
public sealed class BackfillsHandler(
    IOptions<BackfillSettings> settings, IOptions<LayoutSettings> layout, ICommittedPartitions committed, IPartitionStates partitionStates, ICommitHistory commitHistory,
    TimeProvider time)
{
    // How long a start waits for the orchestration to claim its days, so an overlap is a 409 now,
    // not a surprise in a later GET.
    private static readonly TimeSpan RegistrationWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary><c>POST /api/backfills</c>: 202 with the new backfill, 200 with the plan for a dry run, 400 or 409 as problem details.</summary>
    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, problem) = await JsonBody.ReadAsync<BackfillBody>(request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (spec, errors) = BackfillRequestValidator.Validate(body!, settings.Value, time.GetUtcNow());
        if (spec is null)
        {
            return Problems.Invalid(errors);
        }

        spec = spec with { Buckets = LayoutOf(spec.Target) };

        var choice = await ChooseAsync(spec, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (body!.DryRun == true)
        {
            return Results.Json(await DryRunAsync(choice, request.HttpContext.RequestAborted).ConfigureAwait(false), ApiJson.Options);
        }

        spec = choice.Spec;
        if (spec.Items is { Length: 0 })
        {
            var mode = spec.Reprocess.ToString().ToLowerInvariant();
            return Problems.Unprocessable(
                $"Nothing to reprocess: no partition of {string.Join(", ", spec.Layers.Select(LayerNames.Of))} in {spec.Partitions} (target {spec.Target}) is {mode}.",
                new Dictionary<string, object?> { ["reprocess"] = mode });
        }

        var id = BackfillSnapshot.IdPrefix + (body.IdempotencyKey ?? Guid.NewGuid().ToString("N"));
        return await ScheduleAsync(request, client, id, spec, idempotent: body.IdempotencyKey is not null).ConfigureAwait(false);
    }

    /// <summary><c>POST /api/backfills/{id}/retry-failed</c>: a new backfill of exactly the failed and blocked items.</summary>
    public async Task<IResult> RetryFailedAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await BackfillSnapshot.ReadAsync(client, id, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Problems.NotFound($"No backfill with id '{id}'.");
        }

        if (!snapshot.IsFinished)
        {
            return Problems.Conflict($"Backfill '{id}' is {snapshot.Status}; retry-failed needs a finished backfill.");
        }

        var retry = snapshot.ItemsIn(null, ItemState.Failed, ItemState.Blocked).ToList();
        if (retry.Count == 0)
        {
            return Problems.Conflict($"Backfill '{id}' has no failed or blocked items.");
        }

        // Exactly the failed and blocked items: the days' other layers succeeded or were skipped, and rerunning them
        // would only rewrite (or re-check) partitions that are already right.
        var spec = snapshot.Spec with
        {
            Partitions = new PartitionSet(retry.Select(i => i.Partition)).ToExpression(),
            Layers = [.. retry.Select(i => i.Layer).Distinct().Order()],
            Items = WorkItemSet.Format(retry),
            CodeVersion = CodeVersion.Current.Value,
            SubmittedAt = time.GetUtcNow(),
            Buckets = LayoutOf(snapshot.Spec.Target),
        };
        return await ScheduleAsync(request, client, BackfillSnapshot.IdPrefix + Guid.NewGuid().ToString("N"), spec, idempotent: false).ConfigureAwait(false);
    }

    // The layout a new run pins: today's bucket counts of the datasets it writes, as it pins today's code version.
    private IReadOnlyDictionary<string, int> LayoutOf(string target) =>
        layout.Value.Pinned(Enum.GetValues<Layer>().Select(layer => Datasets.Of(layer, target)));

    private async Task<IResult> ScheduleAsync(HttpRequest request, DurableTaskClient client, string id, BackfillSpec spec, bool idempotent)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var existing = idempotent ? await BackfillSnapshot.ReadAsync(client, id, cancellationToken).ConfigureAwait(false) : null;
        if (existing is null)
        {
            // Asked before the claim, so a holder that failed or was terminated never keeps its days: the
            // orchestration's first claim frees them on the spot.
            var dead = await ClaimHolders.DeadAsync(client, await ClaimHolders.ReadAsync(client, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var state = new BackfillState(
                spec, string.Empty, spec.MaxParallel, false, spec.SubmittedAt, 0, 0, 0, null, settings.Value.GrantRefreshSeconds, dead, settings.Value.PauseReleaseMinutes);
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), state, new StartOrchestrationOptions(id), cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Each host's client signals "already exists" with its own exception type.
            catch (Exception) when (idempotent)
#pragma warning restore CA1031
            {
                // A concurrent retry of the same request may have won the race: then answer with its backfill.
                if (await BackfillSnapshot.ReadAsync(client, id, cancellationToken).ConfigureAwait(false) is null)
                {
                    throw;
                }
            }
        }

        var registered = await WaitForRegistrationAsync(client, id, cancellationToken).ConfigureAwait(false);
        if (registered?.Status == BackfillStatus.Rejected)
        {
            var conflicts = registered.Progress!.Conflicts ?? [];
            var first = conflicts.Count > 0 ? conflicts[0] : null;
            return Problems.Conflict(registered.Progress.Reason!, new Dictionary<string, object?>
            {
                ["conflictWith"] = registered.Progress.ConflictWith,
                ["dataset"] = first?.Dataset,
                ["days"] = first?.FirstDays,
                ["conflicts"] = conflicts,
            });
        }

        var statusUri = BackfillRoutes.Uri(request, BackfillRoutes.Item, id);
        var planned = (registered ?? existing)?.Plan().Items.Count ?? 0;
        var versionState = spec.Layers.Contains(Layer.Features) ? await VersionsHandler.StateOfAsync(client, spec.Target, cancellationToken).ConfigureAwait(false) : null;
        return Results.Accepted(statusUri, new BackfillAccepted(id, statusUri, BackfillRoutes.Uri(request, BackfillRoutes.Cancel, id), planned, versionState));
    }

    private async Task<BackfillSnapshot?> WaitForRegistrationAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        BackfillSnapshot? snapshot;
        do
        {
            snapshot = await BackfillSnapshot.ReadAsync(client, id, cancellationToken).ConfigureAwait(false);
            if (snapshot is { Progress: not null } || snapshot?.IsFinished == true)
            {
                return snapshot;
            }

            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
        while (time.GetElapsedTime(started) < RegistrationWait);

        return snapshot;
    }

    /// <summary>
    /// For <c>failed</c>, <c>missing</c> and <c>stale</c>: reads the requested partitions' states, chooses what the mode rebuilds
    /// (with what reads it in the request) and pins those items in the spec. Each chosen item's reason, and the items not chosen,
    /// are for the dry run.
    /// </summary>
    private async Task<ReprocessChoice> ChooseAsync(BackfillSpec spec, CancellationToken cancellationToken)
    {
        var days = PartitionSetParser.Parse(spec.Partitions, new PartitionSetParseOptions { MaxDays = int.MaxValue });
        var dependencies = new LayerDependencies(spec.FeatureWindowDays);
        if (spec.Reprocess is ReprocessMode.Changed or ReprocessMode.All)
        {
            var reasons = spec.Reprocess == ReprocessMode.All
                ? Reprocess.Select(spec.Reprocess, days, spec.Layers, dependencies, _ => PartitionState.Committed).ToDictionary(c => c.Item, c => c.Reason)
                : null;
            return new ReprocessChoice(spec, reasons, []);
        }

        string DatasetOf(WorkItem item) => Datasets.Of(item.Layer, spec.Target);
        var requested = spec.Layers.SelectMany(layer => days.Select(day => new WorkItem(layer, day))).ToList();
        var states = await partitionStates.GetAsync([.. requested.Select(i => (DatasetOf(i), i.Partition))], cancellationToken).ConfigureAwait(false);
        PartitionState StateOf(WorkItem item) => states[(DatasetOf(item), item.Partition)];
        var chosen = Reprocess.Select(spec.Reprocess, days, spec.Layers, dependencies, StateOf).ToDictionary(c => c.Item, c => c.Reason);
        var mode = spec.Reprocess.ToString().ToLowerInvariant();
        var notChosen = requested.Where(i => !chosen.ContainsKey(i))
            .Select(i => new PlannedItem(i, PlannedAction.Skip, $"reprocess {mode}: {LayerNames.Of(i.Layer)}/{i.Partition} is {StateOf(i).ToString().ToLowerInvariant()}", 0))
            .ToList();
        return new ReprocessChoice(spec with { Items = WorkItemSet.Format(chosen.Keys) }, chosen, notChosen);
    }

    private async Task<DryRunView> DryRunAsync(ReprocessChoice choice, CancellationToken cancellationToken)
    {
        var spec = choice.Spec;
        var dependencies = new LayerDependencies(spec.FeatureWindowDays);
        var plan = PlanCache.Get(spec);
        string DatasetOf(WorkItem item) => Datasets.Of(item.Layer, spec.Target);
        var partitions = plan.Items.SelectMany(i => dependencies.Upstream(i).Append(i)).Select(i => (DatasetOf(i), i.Partition)).Distinct().ToList();
        var live = await committed.GetAsync(partitions, cancellationToken).ConfigureAwait(false);
        var target = FeatureVersions.Get(spec.Target);
        Func<WorkItem, string>? chosenBecause = choice.Reasons is { } reasons ? item => reasons[item] : null;
        int BucketsOf(WorkItem item) => WorkItemCalls.BucketsOf(spec.Buckets, DatasetOf(item));
        var items = DryRun.Classify(plan, dependencies, DatasetOf, live, spec.CodeVersion, item => PipelineConfig.ConfigHashOf(item.Layer, target, BucketCount.Of(BucketsOf(item))), chosenBecause)
            .Concat(choice.NotChosen)
            .ToList();
        var counts = Enum.GetValues<PlannedAction>().ToDictionary(a => a.ToString().ToLowerInvariant(), a => items.Count(i => i.Action == a));
        var history = await commitHistory.GetAsync([.. Enum.GetValues<Layer>().Select(l => Datasets.Of(l, spec.Target))], cancellationToken).ConfigureAwait(false);
        var estimate = ImpactEstimator.Estimate(
            plan,
            items,
            dependencies,
            DatasetOf,
            (dataset, day) => live.GetValueOrDefault((dataset, day))?.Bytes,
            history,
            spec.MaxParallel,
            TimeSpan.FromMilliseconds(settings.Value.EstimateItemOverheadMilliseconds));
        return new DryRunView(
            BackfillRequestView.Of(spec),
            spec.CodeVersion,
            counts,
            items.Count == 0 ? 0 : items.Max(i => i.Wave),
            [.. items.Select(i => new DryRunItemView(LayerNames.Of(i.Item.Layer), i.Item.Partition.ToString(), i.Action.ToString().ToLowerInvariant(), i.Reason, i.Wave, BucketsOf(i.Item)))],
            EstimateView.Of(estimate));
    }
}
