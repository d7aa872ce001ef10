using Backfill.Core.Versioning;
using Backfill.Storage.Backfills;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Backfill.Workflows.Api;

/// <summary>Reads and steers running backfills: get, list, cancel, change max parallel, pause, resume, terminate.</summary>
public sealed class BackfillControlHandler(BackfillItemStore items, BackfillList backfills, TimeProvider time, ILogger<BackfillControlHandler> logger)
{
    /// <summary>Most backfills one list returns.</summary>
    public const int MaxListSize = 200;

    // How long a terminate waits for the engine to stop the orchestration before freeing its claims and slots anyway.
    private static readonly TimeSpan TerminateWait = TimeSpan.FromSeconds(20);

    /// <summary>
    /// <c>POST /api/backfills/{id}/terminate</c>: stops the backfill at once and frees its claims and activity slots.
    /// Items in flight may still finish in the background; their commits go through the commit protocol's conditional
    /// manifest write, so a late commit never replaces a newer one. The status names the items cut off.
    /// </summary>
    public async Task<IResult> TerminateAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var cancellationToken = request.HttpContext.RequestAborted;
        var snapshot = await BackfillSnapshot.ReadAsync(client, id, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Problems.NotFound($"No backfill with id '{id}'.");
        }

        if (snapshot.IsFinished)
        {
            return Problems.Conflict($"Backfill '{id}' already finished: {snapshot.Status}.");
        }

        await client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = "terminated by an operator" }, cancellationToken).ConfigureAwait(false);

        // Freed once it stopped, so a last claim it made while the terminate was queued cannot outlive the release.
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(TerminateWait);
            try
            {
                await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still stopping: free anyway; the next start's dead-holder check frees whatever it claims after.
            }
        }

        await ClaimsHandler.FreeAsync(client, id, cancellationToken).ConfigureAwait(false);
        await client.Entities.SignalEntityAsync(ActivityBudgetEntity.Global, nameof(ActivityBudgetEntity.Release), id, cancellation: cancellationToken).ConfigureAwait(false);
        var after = await BackfillSnapshot.ReadAsync(client, id, cancellationToken).ConfigureAwait(false) ?? snapshot;
        var view = after.ToView(null);
        Log.BackfillTerminated(logger, id, string.Join(", ", view.CutOff ?? []));
        return Results.Json(view, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary><c>GET /api/backfills/{id}</c>: the backfill with every item and its throughput; 404 for an unknown id.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await BackfillSnapshot.ReadAsync(client, id, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Problems.NotFound($"No backfill with id '{id}'.");
        }

        var details = await items.ReadAsync(id, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return Results.Json(snapshot.ToView(details) with { Throughput = snapshot.Throughput(details, time.GetUtcNow()) }, ApiJson.Options);
    }

    /// <summary><c>GET /api/backfills?status=&amp;target=&amp;top=</c>: newest first, without items.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var query = request.Query;
        BackfillStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } statusText)
        {
            if (!Enum.TryParse<BackfillStatus>(statusText, ignoreCase: true, out var parsed) || int.TryParse(statusText, out _))
            {
                return Problems.Invalid("status", $"status must be one of {string.Join(", ", Enum.GetNames<BackfillStatus>())}; got '{statusText}'.");
            }

            status = parsed;
        }

        var top = 50;
        if (query["top"].ToString() is { Length: > 0 } topText && (!int.TryParse(topText, out top) || top is < 1 or > MaxListSize))
        {
            return Problems.Invalid("top", $"top must be between 1 and {MaxListSize}; got '{topText}'.");
        }

        var target = query["target"].ToString();
        var found = new List<BackfillSnapshot>();
        await foreach (var snapshot in backfills.ListAsync(client, request.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            if ((status is null || snapshot.Status == status) && (target.Length == 0 || snapshot.Spec.Target == target))
            {
                found.Add(snapshot);
            }
        }

        var page = found.OrderByDescending(s => s.Metadata.CreatedAt).Take(top).Select(s => s.ToView(null)).ToList();
        return Results.Json(page, ApiJson.Options);
    }

    /// <summary><c>POST /api/backfills/{id}/cancel</c>: in-flight items finish, nothing new starts.</summary>
    public static Task<IResult> CancelAsync(HttpRequest request, DurableTaskClient client, string id) =>
        SignalAsync(request, client, id, BackfillEvents.Cancel, true, _ => null, StatusCodes.Status202Accepted, BackfillStatus.Canceling);

    /// <summary><c>PATCH /api/backfills/{id}</c> with <c>{ maxParallel }</c>: applied at the next refill.</summary>
    public static async Task<IResult> PatchAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, problem) = await JsonBody.ReadAsync<BackfillPatchBody>(request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (MaxParallelField.Error(body!.MaxParallel) is { } maxParallelError)
        {
            return Problems.Invalid(MaxParallelField.Name, maxParallelError);
        }

        return await SignalAsync(request, client, id, BackfillEvents.SetMaxParallel, body.MaxParallel!.Value, _ => null, StatusCodes.Status200OK, null).ConfigureAwait(false);
    }

    /// <summary><c>POST /api/backfills/{id}/pause</c>: in-flight items finish, nothing new starts; claims and slots are kept for a while.</summary>
    public static Task<IResult> PauseAsync(HttpRequest request, DurableTaskClient client, string id) =>
        SignalAsync(
            request, client, id, BackfillEvents.Pause, true,
            s => s.Status == BackfillStatus.Running ? null : $"Backfill '{id}' is {s.Status}, not Running.",
            StatusCodes.Status202Accepted,
            BackfillStatus.Paused);

    /// <summary>
    /// <c>POST /api/backfills/{id}/resume</c>: a paused backfill continues where it stopped. One paused by a code-version
    /// change needs <c>{ acceptCodeVersion: true }</c> and continues pinned to the running code version.
    /// </summary>
    public static async Task<IResult> ResumeAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var (body, problem) = await JsonBody.ReadOptionalAsync<BackfillResumeBody>(request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var snapshot = await BackfillSnapshot.ReadAsync(client, id, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var operatorPause = snapshot?.Progress?.Reason == BackfillOrchestrator.OperatorPauseReason;
        if (!operatorPause && body?.AcceptCodeVersion != true)
        {
            return Problems.Invalid("acceptCodeVersion", $"acceptCodeVersion must be true to continue with code version {CodeVersion.Current.Value}.");
        }

        return await SignalAsync(
            request, client, id, BackfillEvents.Resume, body?.AcceptCodeVersion == true ? CodeVersion.Current.Value : string.Empty,
            s => s.Status == BackfillStatus.Paused ? null : $"Backfill '{id}' is {s.Status}, not Paused.",
            StatusCodes.Status202Accepted,
            BackfillStatus.Running).ConfigureAwait(false);
    }

    private static async Task<IResult> SignalAsync<T>(
        HttpRequest request, DurableTaskClient client, string id, string eventName, T payload, Func<BackfillSnapshot, string?> refuse, int statusCode, BackfillStatus? next)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var snapshot = await BackfillSnapshot.ReadAsync(client, id, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Problems.NotFound($"No backfill with id '{id}'.");
        }

        if (snapshot.IsFinished)
        {
            return Problems.Conflict($"Backfill '{id}' already finished: {snapshot.Status}.");
        }

        if (refuse(snapshot) is { } reason)
        {
            return Problems.Conflict(reason);
        }

        await client.RaiseEventAsync(id, eventName, payload, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var view = snapshot.ToView(null) with { Status = next ?? snapshot.Status };
        if (payload is int maxParallel)
        {
            view = view with { MaxParallel = maxParallel };
        }

        return Results.Json(view, ApiJson.Options, statusCode: statusCode);
    }
}
