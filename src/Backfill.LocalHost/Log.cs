using Microsoft.Extensions.Logging;

namespace Backfill.LocalHost;

/// <summary>
/// Every log event of the local host, in event id order, so ids stay unique and a reader finds them in one place
/// (as durabletask-dotnet's <c>Logs</c>): 1xx the host's services, 2xx the durable engine, 3xx development storage.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Daily timer is disabled (Daily:TimerEnabled=false)")]
    internal static partial void DailyTimerDisabled(ILogger logger);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Daily timer fired: run {RunId} (started now: {Created})")]
    internal static partial void DailyTimerFired(ILogger logger, string runId, bool created);

    [LoggerMessage(EventId = 112, Level = LogLevel.Error, Message = "Daily timer could not start the run scheduled at {Scheduled}")]
    internal static partial void DailyTimerStartFailed(ILogger logger, Exception exception, DateTimeOffset scheduled);

    [LoggerMessage(EventId = 113, Level = LogLevel.Warning, Message = "Daily timer's garbage sweep failed; the next one collects what is left")]
    internal static partial void DailyTimerSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 120, Level = LogLevel.Critical, Message = "The host did not stop within Host:ShutdownDeadline ({Deadline}); exiting")]
    internal static partial void ShutdownDeadlineMissed(ILogger logger, TimeSpan deadline);

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Durable engine started on task hub {TaskHub} with {Partitions} partitions")]
    internal static partial void EngineStarted(ILogger logger, string taskHub, int partitions);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Durable engine did not stop within {Grace}; forcing stop, in-flight work will be redelivered")]
    internal static partial void EngineForcedStop(ILogger logger, TimeSpan grace);

    [LoggerMessage(EventId = 300, Level = LogLevel.Information,
        Message = "No AzureWebJobsStorage configured: started Azurite with data in {Location} (blob {BlobPort}, queue {QueuePort}, table {TablePort})")]
    internal static partial void AzuriteStarted(ILogger logger, string location, int blobPort, int queuePort, int tablePort);
}
