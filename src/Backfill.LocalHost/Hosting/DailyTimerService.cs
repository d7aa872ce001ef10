using Backfill.Workflows.Hosting;
using Backfill.Workflows.Orchestrators;
using Backfill.Workflows.Pipeline;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Backfill.LocalHost.Hosting;

/// <summary>
/// The local host's daily timer: at each occurrence of <c>DailySchedule</c> it starts the run of that scheduled
/// time, as the Functions timer does. Off when <c>Daily:TimerEnabled</c> is false (tests drive runs through asOf).
/// Occurrences missed while the host was down are not replayed: the next run's catchup covers their days. After each
/// start it runs the garbage sweep, as the Functions timer does.
/// </summary>
internal sealed class DailyTimerService(
    DailySchedule schedule, DailyRunStarter starter, GarbageSweep sweep, DurableTaskClient client, IOptions<DailySettings> settings, TimeProvider time,
    ILogger<DailyTimerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.TimerEnabled)
        {
            Log.DailyTimerDisabled(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.Next(time.GetUtcNow());
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }

            try
            {
                var (id, created) = await starter.StartAsync(client, next, stoppingToken).ConfigureAwait(false);
                Log.DailyTimerFired(logger, id, created);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed start (storage briefly down) must not stop the timer; the next run catches up.
                Log.DailyTimerStartFailed(logger, ex, next);
            }

            try
            {
                await sweep.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Garbage waits for the next sweep; the timer goes on.
                Log.DailyTimerSweepFailed(logger, ex);
            }
        }
    }
}
