using Backfill.Workflows.Models;

namespace Backfill.Workflows.Api;

/// <summary>Body of <c>GET /api/engine-check/{instanceId}</c> (and of the 202 from POST, without result).</summary>
public sealed record EngineCheckStatus(string InstanceId, string RuntimeStatus, string StatusUrl, EngineCheckResult? Result, string? Failure);
