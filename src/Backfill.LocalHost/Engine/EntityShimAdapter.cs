using DurableTask.Core.Entities;
using DurableTask.Core.Entities.OperationFormat;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using SdkEntity = Microsoft.DurableTask.Entities.ITaskEntity;

namespace Backfill.LocalHost.Engine;

/// <summary>
/// The engine asks for an entity object by name only, but the SDK's entity shim needs the entity's
/// id; the id is known once a batch arrives, so the shim is built per batch here.
/// </summary>
internal sealed class EntityShimAdapter(DurableTaskShimFactory shims, TaskName name, Func<SdkEntity> create) : TaskEntity
{
    public override Task<EntityBatchResult> ExecuteOperationBatchAsync(EntityBatchRequest operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var shim = shims.CreateEntity(name, create(), EntityId.FromString(operations.InstanceId ?? throw new ArgumentException("Entity batch without instance id.", nameof(operations))));
        return shim.ExecuteOperationBatchAsync(operations);
    }
}
