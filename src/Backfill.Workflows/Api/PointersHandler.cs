using System.Globalization;
using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Core.Pointers;
using Backfill.Storage.Pointers;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Api;

/// <summary>
/// The pointer API: read a pointer, flip it, roll it back, follow a flip. Every call first moves the mirror
/// blob up to the entity's state, so a mirror left behind by a crash between the two writes converges.
/// </summary>
public sealed class PointersHandler(Pipeline.LakeReady lakeReady, IOptions<BackfillSettings> settings, ILogger<PointersHandler> logger)
{
    private const string IdPrefix = "ptr-";

    // RFC 9745: the flip's `range` field has been deprecated since this date (as a Unix time), in favour of `partitions`.
    private const string RangeDeprecation = "@1796083200";

    /// <summary><c>GET /api/pointers/{name}</c>: the state and history; 404 for a name that is no pointer.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (FeaturePointer.InitialVersionOf(name) is null)
        {
            return UnknownPointer(name);
        }

        var state = await ReconcileAsync(client, name, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return Results.Json(PointerView.Of(state), ApiJson.Options);
    }

    /// <summary>
    /// <c>POST /api/pointers/{name}/flip</c>: runs the flip orchestration and waits for it (bounded): 200 with the
    /// pointer, 409 on a compare-and-set mismatch, 422 listing missing or failed days or the failed canary, 202
    /// with a status URL if it is still running. A dry run answers 200 with the checks instead and changes nothing.
    /// </summary>
    public async Task<IResult> FlipAsync(HttpRequest request, DurableTaskClient client, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (FeaturePointer.InitialVersionOf(name) is null)
        {
            return UnknownPointer(name);
        }

        var (body, problem) = await JsonBody.ReadAsync<FlipBody>(request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(body!.To))
        {
            errors["to"] = ["to is required: the feature version to flip to, e.g. \"features_v2\"."];
        }
        else if (FeatureVersions.All.All(v => v.Name != body.To))
        {
            errors["to"] = [$"'{body.To}' is not a feature version; known: {string.Join(", ", FeatureVersions.All.Select(v => v.Name))}."];
        }

        if (string.IsNullOrEmpty(body.ExpectedCurrent))
        {
            errors["expectedCurrent"] = ["expectedCurrent is required: the version you believe the pointer names now."];
        }

        if (body.ExpectedSequence is < 0)
        {
            errors["expectedSequence"] = [$"expectedSequence must be 0 or more; got {body.ExpectedSequence}."];
        }

        var (partitionsField, partitionsText) = ("partitions", body.Partitions);
        if (body.Range is not null)
        {
            if (body.Partitions is not null)
            {
                errors["range"] = ["range is the deprecated name of partitions; give partitions only."];
            }

            (partitionsField, partitionsText) = ("range", body.Range);
            request.HttpContext.Response.Headers["Deprecation"] = RangeDeprecation;
            Log.FlipRangeDeprecated(logger, name);
        }

        string? partitions = null;
        if (partitionsText is not null && !errors.ContainsKey("range"))
        {
            try
            {
                partitions = PartitionSetParser.Parse(partitionsText, new PartitionSetParseOptions { MaxDays = settings.Value.MaxDays }).ToExpression();
            }
            catch (PartitionSetFormatException ex)
            {
                errors[partitionsField] = [ex.Message];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return await RunAsync(request, client, name, body.ExpectedSequence,
            (id, sequence) => new FlipRequest(name, PointerOperation.Flip, body.To, body.ExpectedCurrent, sequence, partitions, id, body.DryRun == true)).ConfigureAwait(false);
    }

    /// <summary><c>POST /api/pointers/{name}/rollback</c>: restores the previous version, answered as a flip is.</summary>
    public async Task<IResult> RollbackAsync(HttpRequest request, DurableTaskClient client, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (FeaturePointer.InitialVersionOf(name) is null)
        {
            return UnknownPointer(name);
        }

        RollbackBody body = new(null);
        if (request.ContentLength is null or > 0)
        {
            var (read, problem) = await JsonBody.ReadAsync<RollbackBody>(request).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            body = read!;
        }

        if (body.ExpectedSequence is < 0)
        {
            return Problems.Invalid("expectedSequence", $"expectedSequence must be 0 or more; got {body.ExpectedSequence}.");
        }

        return await RunAsync(request, client, name, body.ExpectedSequence,
            (id, sequence) => new FlipRequest(name, PointerOperation.Rollback, null, null, sequence, null, id)).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/pointers/{name}/operations/{instanceId}</c>: a flip or rollback run's status and outcome.</summary>
    public async Task<IResult> GetOperationAsync(HttpRequest request, DurableTaskClient client, string name, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var metadata = InstanceIds.IsWellFormed(instanceId) && instanceId.StartsWith(IdPrefix + name + "-", StringComparison.Ordinal)
            ? await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, request.HttpContext.RequestAborted).ConfigureAwait(false)
            : null;
        if (metadata is null || metadata.Name != nameof(FlipOrchestrator))
        {
            return Problems.NotFound($"No flip or rollback of pointer '{name}' with instance id '{instanceId}'.");
        }

        return Results.Json(Status(request, name, metadata), ApiJson.Options);
    }

    /// <summary>The entity's state (the initial state before the first flip), after moving the mirror up to it.</summary>
    /// <param name="client">The host's durable client.</param>
    /// <param name="name">A known pointer.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    /// <returns>The entity's state.</returns>
    public async Task<PointerState> ReconcileAsync(DurableTaskClient client, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var entity = await client.Entities.GetEntityAsync<PointerState>(new EntityInstanceId(nameof(PointerEntity), name), includeState: true, cancellationToken)
            .ConfigureAwait(false);
        var state = entity?.State ?? PointerState.Initial(name, FeaturePointer.InitialVersionOf(name)!);
        if (state.Sequence > 0)
        {
            await new PointerStore(await lakeReady.GetAsync().ConfigureAwait(false)).AdvanceAsync(state.ToMirror(), cancellationToken).ConfigureAwait(false);
        }

        return state;
    }

    private async Task<IResult> RunAsync(HttpRequest request, DurableTaskClient client, string name, long? expectedSequence, Func<string, long, FlipRequest> input)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var sequence = expectedSequence ?? (await ReconcileAsync(client, name, cancellationToken).ConfigureAwait(false)).Sequence;

        // One run per request, named by the sequence it starts from. Racing requests each run their checks; the
        // entity's compare-and-set lets exactly one change the pointer and refuses the others with a 409. (An id
        // shared per sequence would let two racing requests attach to one run and both report its success.)
        var id = string.Create(CultureInfo.InvariantCulture, $"{IdPrefix}{name}-{sequence}-{Guid.NewGuid().ToString("N")[..12]}");
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(FlipOrchestrator), input(id, sequence), new StartOrchestrationOptions(id), cancellationToken)
            .ConfigureAwait(false);

        if (await BoundedWait.ForAsync(client, id, settings.Value.FlipWaitSeconds, cancellationToken).ConfigureAwait(false) is not { } metadata)
        {
            var statusUri = StatusUri(request, name, id);
            return Results.Accepted(statusUri, new PointerOperationStatus(id, nameof(OrchestrationRuntimeStatus.Running), statusUri, null, null));
        }

        return Answer(request, name, metadata);
    }

    private static IResult Answer(HttpRequest request, string name, OrchestrationMetadata metadata)
    {
        var outcome = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<FlipOutcome>() : null;
        if (outcome is null)
        {
            return Results.Problem(
                $"The flip run {metadata.InstanceId} ended {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}",
                statusCode: StatusCodes.Status500InternalServerError, extensions: new Dictionary<string, object?> { ["instanceId"] = metadata.InstanceId });
        }

        var extensions = new Dictionary<string, object?> { ["instanceId"] = metadata.InstanceId };
        switch (outcome.Kind)
        {
            case FlipOutcomeKind.Flipped or FlipOutcomeKind.RolledBack:
                return Results.Json(PointerView.Of(outcome.State), ApiJson.Options);
            case FlipOutcomeKind.Checked:
                return Results.Json(FlipCheckView.Of(outcome, metadata.ReadInputAs<FlipRequest>()!.To!), ApiJson.Options);
            case FlipOutcomeKind.Conflict:
                return Problems.Conflict(outcome.Reason!, ConflictExtensions(outcome.State, extensions));
            case FlipOutcomeKind.Incomplete:
                var completeness = outcome.Completeness!;
                extensions["missing"] = completeness.Missing.Select(d => d.ToString()).ToList();
                extensions["failed"] = completeness.Failed.Select(f => new Dictionary<string, string> { ["date"] = f.Day.ToString(), ["reason"] = f.Reason }).ToList();
                extensions["requiredDays"] = completeness.Required.Count;
                return Problems.Unprocessable(outcome.Reason!, extensions);
            default:
                extensions["statusUri"] = StatusUri(request, name, metadata.InstanceId);
                extensions["canary"] = outcome.Canary!.Days.Select(CanaryDayView.Of).ToList();
                return Problems.Unprocessable(outcome.Reason!, extensions);
        }
    }

    private static Dictionary<string, object?> ConflictExtensions(PointerState state, Dictionary<string, object?>? extensions = null)
    {
        extensions ??= [];
        extensions["current"] = state.Current;
        extensions["sequence"] = state.Sequence;
        return extensions;
    }

    private static PointerOperationStatus Status(HttpRequest request, string name, OrchestrationMetadata metadata) => new(
        metadata.InstanceId,
        metadata.RuntimeStatus.ToString(),
        StatusUri(request, name, metadata.InstanceId),
        metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<FlipOutcome>() : null,
        metadata.FailureDetails?.ErrorMessage);

    private static string StatusUri(HttpRequest request, string name, string instanceId) =>
        ApiUris.Of(request, PointerRoutes.Operation.Replace("{name}", Uri.EscapeDataString(name), StringComparison.Ordinal), "instanceId", instanceId);

    private static IResult UnknownPointer(string name) => Problems.NotFound($"No pointer named '{name}'; known: {FeaturePointer.Name}.");
}
