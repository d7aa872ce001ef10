using Backfill.Core.Claims;

namespace Backfill.Workflows.Models;

/// <summary>The durable state of the claim service: each run's claim, by run id.</summary>
public sealed class ClaimState
{
    /// <summary>The claim per run id; a run is absent once released, evicted, or expired at a later claim.</summary>
    public Dictionary<string, RunClaim> Runs { get; set; } = new(StringComparer.Ordinal);
}
