using Backfill.Workflows.Models;

namespace Backfill.Workflows.Api;

/// <summary>Body of <c>GET /api/pointers/{name}/operations/{instanceId}</c>, and of a flip's 202.</summary>
/// <param name="InstanceId">The flip or rollback run.</param>
/// <param name="RuntimeStatus">The orchestration's runtime status.</param>
/// <param name="StatusUri">Where to poll.</param>
/// <param name="Outcome">How it ended, with the completeness check and canary; null while running.</param>
/// <param name="Failure">The error of a run that failed.</param>
public sealed record PointerOperationStatus(string InstanceId, string RuntimeStatus, string StatusUri, FlipOutcome? Outcome, string? Failure);
