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
internal sealed partial class DailyTimerService(
    DailySchedule schedule, DailyRunStarter starter, GarbageSweep sweep, DurableTaskClient client, IOptions<DailySettings> settings, TimeProvider time,
    ILogger<DailyTimerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.TimerEnabled)
        {
            LogDisabled(logger);
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
                LogFired(logger, id, created);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed start (storage briefly down) must not stop the timer; the next run catches up.
                LogStartFailed(logger, ex, next);
            }

            try
            {
                await sweep.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Garbage waits for the next sweep; the timer goes on.
                LogSweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Daily timer is disabled (Daily:TimerEnabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Daily timer fired: run {RunId} (started now: {Created})")]
    private static partial void LogFired(ILogger logger, string runId, bool created);

    [LoggerMessage(EventId = 112, Level = LogLevel.Error, Message = "Daily timer could not start the run scheduled at {Scheduled}")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, DateTimeOffset scheduled);

    [LoggerMessage(EventId = 113, Level = LogLevel.Warning, Message = "Daily timer's garbage sweep failed; the next one collects what is left")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
