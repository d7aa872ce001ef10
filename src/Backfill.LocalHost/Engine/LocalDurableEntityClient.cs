using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Entities;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.DurableTask.Entities;

namespace Backfill.LocalHost.Engine;

/// <summary>Entity operations for <see cref="LocalDurableTaskClient"/>: signals go through the engine's queues, reads through its entity queries.</summary>
internal sealed class LocalDurableEntityClient(AzureStorageOrchestrationService service, DataConverter converter, TimeProvider time)
    : DurableEntityClient("local")
{
    // The engine's own ceiling for how far ahead a signal may be scheduled.
    private static readonly TimeSpan MaxSignalDelay = TimeSpan.FromDays(3);

    private EntityBackendQueries Queries => ((IEntityOrchestrationService)service).EntityBackendQueries
        ?? throw new NotSupportedException("The storage provider does not support entity queries.");

    public override async Task SignalEntityAsync(
        EntityInstanceId id, string operationName, object? input = null, SignalEntityOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationName);
        cancellation.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        var signal = ClientEntityHelpers.EmitOperationSignal(
            new OrchestrationInstance { InstanceId = id.ToString() },
            Guid.NewGuid(),
            operationName,
            converter.Serialize(input),
            EntityMessageEvent.GetCappedScheduledTime(now.UtcDateTime, MaxSignalDelay, options?.SignalTime?.UtcDateTime),
            parentTraceContext: null,
            requestTime: now,
            createTrace: false);
        await service.SendTaskOrchestrationMessageAsync(signal.AsTaskMessage()).ConfigureAwait(false);
    }

    public override async Task<EntityMetadata?> GetEntityAsync(EntityInstanceId id, bool includeState = true, CancellationToken cancellation = default)
    {
        var found = await Queries.GetEntityAsync(id.ToCore(), includeState, includeStateless: false, cancellation).ConfigureAwait(false);
        return found is { } m ? new EntityMetadata(m.EntityId.ToSdk(), m.SerializedState is null ? null : new SerializedData(m.SerializedState, converter)) { LastModifiedTime = m.LastModifiedTime, BacklogQueueSize = m.BacklogQueueSize, LockedBy = m.LockedBy } : null;
    }

    public override async Task<EntityMetadata<T>?> GetEntityAsync<T>(EntityInstanceId id, bool includeState = true, CancellationToken cancellation = default)
    {
        var found = await Queries.GetEntityAsync(id.ToCore(), includeState, includeStateless: false, cancellation).ConfigureAwait(false);
        return found is { } m ? Typed<T>(m) : null;
    }

    public override AsyncPageable<EntityMetadata> GetAllEntitiesAsync(EntityQuery? filter = null) =>
        Query(filter, m => new EntityMetadata(m.EntityId.ToSdk(), m.SerializedState is null ? null : new SerializedData(m.SerializedState, converter)) { LastModifiedTime = m.LastModifiedTime, BacklogQueueSize = m.BacklogQueueSize, LockedBy = m.LockedBy });

    public override AsyncPageable<EntityMetadata<T>> GetAllEntitiesAsync<T>(EntityQuery? filter = null) => Query(filter, Typed<T>);

    public override async Task<CleanEntityStorageResult> CleanEntityStorageAsync(
        CleanEntityStorageRequest? request = null, bool continueUntilComplete = true, CancellationToken cancellation = default)
    {
        var r = request ?? CleanEntityStorageRequest.Default;
        var result = await Queries.CleanEntityStorageAsync(
            new EntityBackendQueries.CleanEntityStorageRequest
            {
                RemoveEmptyEntities = r.RemoveEmptyEntities,
                ReleaseOrphanedLocks = r.ReleaseOrphanedLocks,
                ContinuationToken = r.ContinuationToken,
            },
            cancellation).ConfigureAwait(false);
        return new CleanEntityStorageResult
        {
            EmptyEntitiesRemoved = result.EmptyEntitiesRemoved,
            OrphanedLocksReleased = result.OrphanedLocksReleased,
            ContinuationToken = result.ContinuationToken,
        };
    }

    private EntityMetadata<T> Typed<T>(EntityBackendQueries.EntityMetadata m) =>
        new(m.EntityId.ToSdk(), converter.Deserialize<T>(m.SerializedState)) { LastModifiedTime = m.LastModifiedTime, BacklogQueueSize = m.BacklogQueueSize, LockedBy = m.LockedBy };

    private AsyncPageable<TMetadata> Query<TMetadata>(EntityQuery? filter, Func<EntityBackendQueries.EntityMetadata, TMetadata> select)
        where TMetadata : notnull =>
        Pageable.Create(async (continuation, size, cancellation) =>
        {
            var result = await Queries.QueryEntitiesAsync(
                new EntityBackendQueries.EntityQuery
                {
                    InstanceIdStartsWith = filter?.InstanceIdStartsWith ?? string.Empty,
                    LastModifiedFrom = filter?.LastModifiedFrom?.UtcDateTime,
                    LastModifiedTo = filter?.LastModifiedTo?.UtcDateTime,
                    IncludeTransient = filter?.IncludeTransient ?? false,
                    IncludeState = filter?.IncludeState ?? true,
                    ContinuationToken = continuation ?? filter?.ContinuationToken,
                    PageSize = size ?? filter?.PageSize,
                },
                cancellation).ConfigureAwait(false);
            return new Page<TMetadata>([.. result.Results.Select(select)], result.ContinuationToken);
        });
}
