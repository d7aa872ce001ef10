using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Backfill.Functions.Triggers;

/// <summary>The daily run's clock. The schedule is the app setting <c>DailySchedule</c> (NCRONTAB, UTC).</summary>
internal sealed partial class DailyTimerFunction(ILogger<DailyTimerFunction> logger)
{
    [Function("DailyTimer")]
    public void Run([TimerTrigger("%DailySchedule%", UseMonitor = true)] TimerInfo timer)
    {
        LogFired(logger, timer.IsPastDue, timer.ScheduleStatus?.Next);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Daily timer fired (past due: {PastDue}); next occurrence {Next}")]
    private static partial void LogFired(ILogger logger, bool pastDue, DateTime? next);
}
