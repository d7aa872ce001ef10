using Backfill.Workflows.Hosting;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;
using SdkEntity = Microsoft.DurableTask.Entities.ITaskEntity;

namespace Backfill.LocalHost.Engine;

/// <summary>
/// The Durable Task engine with the Azure Storage provider, running the catalog's classes through
/// the durabletask-dotnet shims: the same engine, storage format and class instances as Durable
/// Functions, without the Functions host.
/// </summary>
internal sealed class DurableEngine(
    AzureStorageOrchestrationService service,
    IOptions<DurableEngineSettings> settings,
    IOptions<TaskHubSettings> taskHub,
    WorkflowTypes types,
    IServiceProvider services,
    ILoggerFactory loggers,
    ILogger<DurableEngine> logger) : IHostedService, IDisposable
{
    // A graceful stop lets running activities finish; past this, they are abandoned and their
    // messages reappear for the next host (delivery is at-least-once, activities are idempotent).
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    private readonly DurableTaskShimFactory _shims = new(
        new DurableTaskWorkerOptions { EnableEntitySupport = true, DataConverter = JsonDataConverter.Default }, loggers);

    private TaskHubWorker? _worker;

    /// <summary>True between a completed start and the beginning of stop.</summary>
    public bool IsRunning { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);
        _worker = new TaskHubWorker(
            service,
            new DelegateObjectManager<TaskOrchestration>(CreateOrchestration),
            new DelegateObjectManager<TaskActivity>(CreateActivity),
            new DelegateObjectManager<DurableTask.Core.Entities.TaskEntity>(CreateEntity),
            loggers)
        {
            // The SDK shims report failures as FailureDetails; without this they lose type and stack.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        await _worker.StartAsync().ConfigureAwait(false);
        IsRunning = true;
        Log.EngineStarted(logger, taskHub.Value.Name, settings.Value.PartitionCount);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IsRunning = false;
        if (_worker is null)
        {
            return;
        }

        var graceful = _worker.StopAsync(isForced: false);
        if (await Task.WhenAny(graceful, Task.Delay(StopGrace, cancellationToken)).ConfigureAwait(false) != graceful)
        {
            Log.EngineForcedStop(logger, StopGrace);
            await _worker.StopAsync(isForced: true).ConfigureAwait(false);
        }

        Dispose();
    }

    public void Dispose()
    {
        _worker?.Dispose();
        _worker = null;
    }

    private TaskOrchestration? CreateOrchestration(string name) =>
        Find(types.Orchestrators, name) is { } type
            ? _shims.CreateOrchestration(new TaskName(type.Name), (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type))
            : null;

    private TaskActivity? CreateActivity(string name) =>
        Find(types.Activities, name) is { } type
            ? _shims.CreateActivity(new TaskName(type.Name), (ITaskActivity)ActivatorUtilities.CreateInstance(services, type))
            : null;

    private EntityShimAdapter? CreateEntity(string name) =>
        Find(types.Entities, name) is { } type
            ? new EntityShimAdapter(_shims, new TaskName(type.Name), () => (SdkEntity)ActivatorUtilities.CreateInstance(services, type))
            : null;

    // Entity names reach us lower-cased by the engine; orchestration and activity names exactly.
    private static Type? Find(IReadOnlyList<Type> types, string name) =>
        types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
