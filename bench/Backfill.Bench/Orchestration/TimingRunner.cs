using System.Diagnostics;
using Backfill.Core.Layers;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.Bench.Orchestration;

/// <summary>
/// Wraps the host's real work-item runner and adds up the time its items take, per layer: the data plane's share of
/// a run, apart from the engine's queue polling, which dominates wall time at small sizes.
/// </summary>
internal sealed class TimingRunner(IWorkItemRunner inner) : IWorkItemRunner
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Layer, TimeSpan> _busy = [];

    /// <summary>Registers the pipeline's runner wrapped in one timing it (the last registration is the one resolved).</summary>
    public static void Decorate(IServiceCollection services)
    {
        services.AddSingleton(provider => new TimingRunner(ActivatorUtilities.CreateInstance<PipelineWorkItemRunner>(provider)));
        services.AddSingleton<IWorkItemRunner>(provider => provider.GetRequiredService<TimingRunner>());
    }

    /// <summary>The time items took since the last call, per layer; resets the sums.</summary>
    public IReadOnlyDictionary<Layer, TimeSpan> Take()
    {
        lock (_gate)
        {
            var taken = new Dictionary<Layer, TimeSpan>(_busy);
            _busy.Clear();
            return taken;
        }
    }

    public async Task<WorkItemRunResult> RunAsync(WorkItemRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.RunAsync(request, cancellationToken);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            lock (_gate)
            {
                _busy[request.Item.Layer] = _busy.GetValueOrDefault(request.Item.Layer) + elapsed;
            }
        }
    }
}
