using Backfill.Workflows;

namespace Backfill.LocalHost.Engine;

/// <summary>
/// The durable types this engine hosts: the <see cref="WorkflowCatalog"/>, plus any a tool adds
/// (the benchmarks host a batch-barrier fan-out to compare against).
/// </summary>
internal sealed record WorkflowTypes(IReadOnlyList<Type> Orchestrators, IReadOnlyList<Type> Activities, IReadOnlyList<Type> Entities)
{
    public static WorkflowTypes Catalog { get; } = new(WorkflowCatalog.Orchestrators, WorkflowCatalog.Activities, WorkflowCatalog.Entities);

    public WorkflowTypes With(IEnumerable<Type>? orchestrators = null, IEnumerable<Type>? activities = null) =>
        new([.. Orchestrators, .. orchestrators ?? []], [.. Activities, .. activities ?? []], Entities);
}
