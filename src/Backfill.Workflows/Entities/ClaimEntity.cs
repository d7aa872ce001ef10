using Backfill.Core.Claims;
using Backfill.Workflows.Models;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Entities;

/// <summary>
/// The one claim service (one instance, key <see cref="GlobalKey"/>): which run writes which (dataset, day), for
/// backfills and daily runs alike. An entity because operations run one at a time, so "check for overlap, then
/// claim" cannot race the way check-then-start would. Every operation is idempotent by run id, so a redelivered
/// signal changes nothing. The rules are <see cref="ClaimBook"/>'s.
/// </summary>
public sealed class ClaimEntity : TaskEntity<ClaimState>
{
    /// <summary>The key of the one instance.</summary>
    public const string GlobalKey = "global";

    /// <summary>The one instance's id.</summary>
    public static EntityInstanceId Global { get; } = new(nameof(ClaimEntity), GlobalKey);

    /// <summary>Claims the request's partitions for its run, replacing what it held.</summary>
    public ClaimResult Claim(ClaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wanted = request.Wanted.ToDictionary(d => d.Key, d => ClaimBook.Days(d.Value), StringComparer.Ordinal);
        return Book().Claim(request.RunId, request.Daily, wanted, request.Wait, request.Evict, request.At);
    }

    /// <summary>Restarts the lease of the run's claim.</summary>
    public void Renew(ClaimRenewal renewal)
    {
        ArgumentNullException.ThrowIfNull(renewal);
        Book().Renew(renewal.RunId, renewal.At);
    }

    /// <summary>Frees every partition the run holds.</summary>
    /// <returns>True when it held a claim.</returns>
    public bool Release(string runId) => Book().Release(runId);

    /// <summary>Every claim, expired ones included (readers filter by lease).</summary>
    public ClaimState Get() => State;

    /// <inheritdoc />
    protected override ClaimState InitializeState(TaskEntityOperation entityOperation) => new();

    private ClaimBook Book() => new(State.Runs);
}
