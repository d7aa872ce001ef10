using Microsoft.Extensions.Logging;

namespace Backfill.Functions;

/// <summary>
/// Every log event of the Functions app, in event id order, so ids stay unique and a reader finds them in one place
/// (as durabletask-dotnet's <c>Logs</c>).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Daily timer fired (past due: {PastDue}): run {RunId} (started now: {Created})")]
    internal static partial void DailyTimerFired(ILogger logger, bool pastDue, string runId, bool created);

    [LoggerMessage(EventId = 700, Level = LogLevel.Error, Message = "HTTP function {Function} failed")]
    internal static partial void HttpFunctionFailed(ILogger logger, Exception exception, string function);
}
