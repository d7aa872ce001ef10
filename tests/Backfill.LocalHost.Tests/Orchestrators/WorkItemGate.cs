using System.Collections.Concurrent;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Models;

namespace Backfill.LocalHost.Tests.Orchestrators;

/// <summary>
/// Stands at the door of a work item runner (the scripted one, or the real data plane) and holds the items a test
/// chooses until it opens, so a test sees a run with exactly those items in flight, for as long as it looks, and
/// orders what it checks by events instead of by a clock.
/// </summary>
internal sealed class WorkItemGate(IWorkItemRunner inner) : IWorkItemRunner
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Func<WorkItemRequest, bool> _holds = _ => false;
    private int _held;

    /// <summary>Every attempt that reached the gate, held or not, in arrival order.</summary>
    public ConcurrentQueue<WorkItemRequest> Arrived { get; } = new();

    /// <summary>The attempts held at the gate now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>From now until <see cref="Open"/>, attempts that <paramref name="which"/> picks wait at the gate.</summary>
    public void Hold(Func<WorkItemRequest, bool> which) => _holds = which;

    /// <summary>Lets every held attempt, and every later one, through.</summary>
    public void Open() => _open.TrySetResult();

    public async Task<WorkItemRunResult> RunAsync(WorkItemRequest request, CancellationToken cancellationToken)
    {
        Arrived.Enqueue(request);
        if (!_open.Task.IsCompleted && _holds(request))
        {
            Interlocked.Increment(ref _held);
            try
            {
                await _open.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }

        return await inner.RunAsync(request, cancellationToken);
    }
}
