using Backfill.Workflows.Activities;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Orchestrators;

namespace Backfill.Workflows;

/// <summary>
/// The one list of durable types. The local host registers exactly these; the Functions app has a
/// trigger for each (a test compares the two), so a new workflow cannot run in one host only.
/// </summary>
public static class WorkflowCatalog
{
    /// <summary>Orchestrator classes; each is registered under its class name.</summary>
    public static IReadOnlyList<Type> Orchestrators { get; } = [
        typeof(EngineCheckOrchestrator), typeof(BackfillOrchestrator), typeof(FlipOrchestrator), typeof(DailyOrchestrator), typeof(DailyDayOrchestrator),
        typeof(RetireVersionOrchestrator), typeof(BucketedDayOrchestrator),
    ];

    /// <summary>Activity classes; each is registered under its class name.</summary>
    public static IReadOnlyList<Type> Activities { get; } = [
        typeof(EngineCheckActivity), typeof(RunWorkItemActivity), typeof(CheckCompletenessActivity), typeof(CanaryActivity), typeof(PublishPointerActivity),
        typeof(RecordLateDataActivity), typeof(ScanLateArrivalsActivity), typeof(PublishVersionsActivity), typeof(RaiseAlertActivity),
    ];

    /// <summary>Entity classes; each is registered under its class name (the engine lower-cases it).</summary>
    public static IReadOnlyList<Type> Entities { get; } = [
        typeof(TallyEntity), typeof(ClaimEntity), typeof(PointerEntity), typeof(DailyWatermarkEntity),
        typeof(ActivityBudgetEntity), typeof(VersionRegistryEntity),
    ];
}
