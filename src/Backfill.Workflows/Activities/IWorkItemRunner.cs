using Backfill.Workflows.Models;

namespace Backfill.Workflows.Activities;

/// <summary>
/// Builds, validates and publishes one work item through the data plane's commit protocol. Throw
/// <see cref="WorkItemFailedException"/> for deterministic failures (no retry); any other exception
/// is treated as transient and retried by the orchestration.
/// </summary>
public interface IWorkItemRunner
{
    /// <summary>Runs one attempt; must be idempotent (delivery is at-least-once).</summary>
    Task<WorkItemRunResult> RunAsync(WorkItemRequest request, CancellationToken cancellationToken);
}
