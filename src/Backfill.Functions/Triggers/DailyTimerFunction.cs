using Backfill.Workflows.Orchestrators;
using Backfill.Workflows.Pipeline;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Backfill.Functions.Triggers;

/// <summary>
/// The daily run's clock. The schedule is the app setting <c>DailySchedule</c> (NCRONTAB, UTC). A past-due fire
/// (the app was down) starts only today's run: that run's catchup processes the missed days from the durable
/// watermark, oldest first. Then the garbage sweep runs, as in the local host.
/// </summary>
internal sealed class DailyTimerFunction(DailyRunStarter starter, GarbageSweep sweep, TimeProvider time, ILogger<DailyTimerFunction> logger)
{
    [Function("DailyTimer")]
    public async Task RunAsync([TimerTrigger("%DailySchedule%", UseMonitor = true)] TimerInfo timer, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var (id, created) = await starter.StartAsync(client, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        Log.DailyTimerFired(logger, timer.IsPastDue, id, created);
        await sweep.RunAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
