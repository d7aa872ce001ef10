using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Entities;
using Dt = DurableTask.Core;

namespace Backfill.LocalHost.Engine;

/// <summary>Maps between the Durable Task engine's types and the durabletask-dotnet SDK's.</summary>
internal static class CoreConversions
{
    public static OrchestrationRuntimeStatus ToRuntimeStatus(this Dt.OrchestrationStatus status) => status switch
    {
        Dt.OrchestrationStatus.Running => OrchestrationRuntimeStatus.Running,
        Dt.OrchestrationStatus.Completed => OrchestrationRuntimeStatus.Completed,
        Dt.OrchestrationStatus.Failed => OrchestrationRuntimeStatus.Failed,
        Dt.OrchestrationStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        Dt.OrchestrationStatus.Pending => OrchestrationRuntimeStatus.Pending,
        Dt.OrchestrationStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
#pragma warning disable CS0618 // Obsolete statuses still arrive from storage and must map.
        Dt.OrchestrationStatus.ContinuedAsNew => OrchestrationRuntimeStatus.ContinuedAsNew,
        Dt.OrchestrationStatus.Canceled => OrchestrationRuntimeStatus.Canceled,
#pragma warning restore CS0618
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };

    public static Dt.OrchestrationStatus ToCore(this OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => Dt.OrchestrationStatus.Running,
        OrchestrationRuntimeStatus.Completed => Dt.OrchestrationStatus.Completed,
        OrchestrationRuntimeStatus.Failed => Dt.OrchestrationStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => Dt.OrchestrationStatus.Terminated,
        OrchestrationRuntimeStatus.Pending => Dt.OrchestrationStatus.Pending,
        OrchestrationRuntimeStatus.Suspended => Dt.OrchestrationStatus.Suspended,
#pragma warning disable CS0618
        OrchestrationRuntimeStatus.ContinuedAsNew => Dt.OrchestrationStatus.ContinuedAsNew,
        OrchestrationRuntimeStatus.Canceled => Dt.OrchestrationStatus.Canceled,
#pragma warning restore CS0618
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };

    public static TaskFailureDetails? ToSdk(this Dt.FailureDetails? details) => details is null
        ? null
        : new TaskFailureDetails(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure.ToSdk(), details.Properties);

    public static Dt.Entities.EntityId ToCore(this EntityInstanceId id) => new(id.Name, id.Key);

    public static EntityInstanceId ToSdk(this Dt.Entities.EntityId id) => new(id.Name, id.Key);
}
