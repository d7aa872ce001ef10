using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask.Client;

namespace Backfill.Bench.Orchestration;

/// <summary>
/// Reads the history size of every bucketed day once it has finished, then purges that day's instance.
/// </summary>
/// <remarks>
/// Azurite answers every table query by scanning the whole table, so on the emulator each history read costs as much as
/// the history table is long, and a long scale run slows down as finished days pile up (Azure Table Storage serves the
/// same query from its partition index). Purging a finished day keeps the table to the days in flight; the backfill
/// never reads a day's instance again, since the day's outcome is already in its own history.
/// </remarks>
internal sealed class FinishedDays(BenchHost host)
{
    /// <summary>Gets how many finished days were read.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the largest history of a finished day's last generation, in events.</summary>
    public int Largest { get; private set; }

    public async Task ReapAsync()
    {
        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed], PageSize = 100 };
        var finished = new List<string>();
        await foreach (var instance in host.Client.GetAllInstancesAsync(query))
        {
            if (instance.Name == nameof(BucketedDayOrchestrator))
            {
                finished.Add(instance.InstanceId);
            }
        }

        foreach (var id in finished)
        {
            Largest = Math.Max(Largest, await OrchestrationBench.HistoryEventsAsync(host, id));
            Count++;
            await host.Client.PurgeInstanceAsync(id);
        }
    }
}
