using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Microsoft.Extensions.Logging;

namespace Backfill.Workflows;

/// <summary>
/// Every log event of Backfill.Workflows, in event id order, so ids stay unique and a reader finds them in one place
/// (as durabletask-dotnet's <c>Logs</c>): 4xx work items and the data plane, 5xx alerts, 6xx operator actions.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Backfill {BackfillId} work item {WorkItem} attempt {Attempt} failed: {Reason}")]
    internal static partial void WorkItemAttemptFailed(ILogger logger, string backfillId, string workItem, int attempt, string reason);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Backfill {BackfillId} work item {WorkItem} attempt {Attempt} failed transiently")]
    internal static partial void WorkItemAttemptTransient(ILogger logger, Exception exception, string backfillId, string workItem, int attempt);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "Backfill {BackfillId} work item {WorkItem}: could not record item details")]
    internal static partial void WorkItemRecordFailed(ILogger logger, Exception exception, string backfillId, string workItem);

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning,
        Message = "Lineage of live commit {CommitId} of {Dataset}/{Partition} said {Was}; marked published (found by {RunId})")]
    internal static partial void LineageRepairedByRun(ILogger logger, string dataset, Day partition, string commitId, CommitStatus was, string runId);

    [LoggerMessage(EventId = 404, Level = LogLevel.Critical,
        Message = "Crash drill: killing the process after publishing {Dataset}/{Partition} commit {CommitId}, before its lineage write")]
    internal static partial void CrashDrillExit(ILogger logger, string dataset, Day partition, string commitId);

    [LoggerMessage(EventId = 405, Level = LogLevel.Warning,
        Message = "Lineage of live commit {CommitId} of {Dataset}/{Partition} said {Was}; marked published (found by a partitions read)")]
    internal static partial void LineageRepairedByRead(ILogger logger, string dataset, Day partition, string commitId, CommitStatus was);

    [LoggerMessage(EventId = 406, Level = LogLevel.Information, Message = "Garbage sweep deleted {Deleted} unreferenced commit folder(s) and {CacheFiles} cache file(s) (landing map, id exchange) older than {Retention}")]
    internal static partial void GarbageSwept(ILogger logger, int deleted, int cacheFiles, TimeSpan retention);

    [LoggerMessage(EventId = 407, Level = LogLevel.Warning, Message = "Late-data metrics of {Partition} not recorded by {RunId}")]
    internal static partial void LateDataUnrecorded(ILogger logger, Exception exception, Day partition, string runId);

    [LoggerMessage(EventId = 500, Message = "Alert {Kind} on {Dataset}/{Partition} (run {RunId}): {AlertMessage}")]
    internal static partial void Alert(
        ILogger logger, LogLevel level, string kind, string? dataset, string? partition, string? runId, string alertMessage);

    [LoggerMessage(EventId = 501, Level = LogLevel.Error, Message = "Alert {Kind} on {Dataset}/{Partition} could not be stored")]
    internal static partial void AlertStoreFailed(ILogger logger, Exception exception, string kind, string? dataset, string? partition);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "Alert webhook {WebhookUrl} failed for alert {Kind}")]
    internal static partial void AlertWebhookFailed(ILogger logger, Exception exception, string webhookUrl, string kind);

    [LoggerMessage(EventId = 503, Level = LogLevel.Warning, Message = "Alert webhook {WebhookUrl} answered {StatusCode} for alert {Kind}")]
    internal static partial void AlertWebhookRejected(ILogger logger, string webhookUrl, int statusCode, string kind);

    [LoggerMessage(EventId = 504, Level = LogLevel.Debug, Message = "Alert {Kind} already raised for {DedupKey}")]
    internal static partial void AlertRepeat(ILogger logger, string kind, string dedupKey);

    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Claims of run {RunId} freed by hand: {Claims}")]
    internal static partial void ClaimsFreedByHand(ILogger logger, string runId, string claims);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Backfill {BackfillId} terminated by an operator; cut off: {CutOff}")]
    internal static partial void BackfillTerminated(ILogger logger, string backfillId, string cutOff);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning,
        Message = "A flip of pointer {Pointer} named its days 'range', the deprecated name of 'partitions'; 'range' will be removed in the next release")]
    internal static partial void FlipRangeDeprecated(ILogger logger, string pointer);
}
