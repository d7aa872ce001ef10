using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Backfill.Workflows.Api;

/// <summary>
/// Starts and reads engine checks. The client is a parameter because each host supplies its own:
/// the Functions binding per call, the local engine's client as a singleton.
/// </summary>
public sealed class EngineCheckHandler
{
    /// <summary>Route to start a check.</summary>
    public const string StartRoute = "engine-check";

    /// <summary>Route to read a check.</summary>
    public const string StatusRoute = "engine-check/{instanceId}";

    /// <summary>Most items one check may run.</summary>
    public const int MaxItems = 1000;

    /// <summary>Validates the body and schedules an <see cref="EngineCheckOrchestrator"/>; 202 with the status URL.</summary>
    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var (body, problem) = await JsonBody.ReadAsync<EngineCheckBody>(request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var input = new EngineCheckRequest(body!.Items ?? 12, body.MaxParallel ?? 3, body.WorkMilliseconds ?? 500);
        var errors = new Dictionary<string, string[]>();
        if (input.Items is < 1 or > MaxItems)
        {
            errors["items"] = [$"items must be between 1 and {MaxItems}; got {input.Items}."];
        }

        if (MaxParallelField.Error(input.MaxParallel) is { } maxParallelError)
        {
            errors[MaxParallelField.Name] = [maxParallelError];
        }

        if (input.WorkMilliseconds is < 0 or > 60_000)
        {
            errors["workMilliseconds"] = [$"workMilliseconds must be between 0 and 60000; got {input.WorkMilliseconds}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(EngineCheckOrchestrator), input, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var url = StatusUrl(request, instanceId);
        return Results.Accepted(url, new EngineCheckStatus(instanceId, nameof(OrchestrationRuntimeStatus.Pending), url, null, null));
    }

    /// <summary>The check's status, with its result once completed; 404 for an unknown id.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var metadata = InstanceIds.IsWellFormed(instanceId)
            ? await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, request.HttpContext.RequestAborted).ConfigureAwait(false)
            : null;
        if (metadata is null || metadata.Name != nameof(EngineCheckOrchestrator))
        {
            return Problems.NotFound($"No engine check with instance id '{instanceId}'.");
        }

        var result = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<EngineCheckResult>() : null;
        return Results.Ok(new EngineCheckStatus(
            instanceId, metadata.RuntimeStatus.ToString(), StatusUrl(request, instanceId), result, metadata.FailureDetails?.ErrorMessage));
    }

    private static string StatusUrl(HttpRequest request, string instanceId) => ApiUris.Of(request, StatusRoute, "instanceId", instanceId);
}
