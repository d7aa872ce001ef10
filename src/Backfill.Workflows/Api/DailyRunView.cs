using System.Text.Json;
using Backfill.Workflows.Models;
using Microsoft.DurableTask.Client;

namespace Backfill.Workflows.Api;

/// <summary>The answer to <c>GET /api/daily/{id}</c>.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="RuntimeStatus">The orchestration's state: pending, running, completed, failed, terminated.</param>
/// <param name="Status">The run's own status once it has one: running, completed or completedWithFailures.</param>
/// <param name="AsOf">The run time T.</param>
/// <param name="Watermark">The day D it processes.</param>
/// <param name="CommittedWatermarkBefore">The committed watermark when it started.</param>
/// <param name="CommittedWatermark">The committed watermark after it finished.</param>
/// <param name="Days">Per-day results, oldest first.</param>
/// <param name="RepairsQueued">Days queued for the next run's beyond-watermark repair.</param>
public sealed record DailyRunView(
    string Id,
    string RuntimeStatus,
    string? Status,
    DateTimeOffset? AsOf,
    string? Watermark,
    string? CommittedWatermarkBefore,
    string? CommittedWatermark,
    IReadOnlyList<DailyDayView> Days,
    IReadOnlyList<string> RepairsQueued)
{
    /// <summary>The view of an orchestration instance read with its custom status.</summary>
    public static DailyRunView Of(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var runtime = Camel(metadata.RuntimeStatus.ToString());
        var result = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && metadata.SerializedOutput is not null
            ? metadata.ReadOutputAs<DailyRunResult>()
            : metadata.SerializedCustomStatus is not null ? metadata.ReadCustomStatusAs<DailyRunResult>() : null;
        if (result is null)
        {
            return new DailyRunView(metadata.InstanceId, runtime, null, null, null, null, null, [], []);
        }

        return new DailyRunView(
            metadata.InstanceId, runtime, result.Status, result.AsOf, result.Watermark.ToString(), result.CommittedWatermarkBefore?.ToString(),
            result.CommittedWatermark?.ToString(),
            [.. result.Days.Select(day => new DailyDayView(
                day.Date.ToString(), Camel(day.Role.ToString()), day.Committed,
                [.. day.Layers.Select(l => new DailyLayerView(Camel(l.Layer.ToString()), Camel(l.Outcome.ToString()), l.Rows, l.Attempts, l.Error))]))],
            [.. result.RepairsQueued.Select(day => day.ToString())]);
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
