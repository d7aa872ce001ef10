using System.Diagnostics;

namespace Backfill.Storage.Telemetry;

/// <summary>
/// Backfill's one <see cref="ActivitySource"/>, named <see cref="Name"/>. It lives in Storage, the lowest layer that
/// traces (a commit's stage, validate and publish), so the work-item spans of Workflows come from the same source and
/// a commit's spans nest under the work item that made them.
/// </summary>
public static class BackfillTracing
{
    /// <summary>The name of the source, and of the meter Workflows records with.</summary>
    public const string Name = "Backfill";

    /// <summary>The source; a span costs nothing unless a listener (an OpenTelemetry tracer provider) samples it.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Starts a span for one step of a commit, tagged with its partition and commit, when anyone listens.</summary>
    /// <param name="name">The step, e.g. <c>commit.stage</c>.</param>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    /// <param name="commitId">The commit, when known when the step starts.</param>
    /// <returns>The span, or null when nothing listens.</returns>
    public static Activity? StartCommitStep(string name, string dataset, string partition, string? commitId)
    {
        var span = Source.StartActivity(name);
        span?.SetTag(TelemetryTags.Dataset, dataset);
        span?.SetTag(TelemetryTags.Partition, partition);
        span?.SetTag(TelemetryTags.CommitId, commitId);
        return span;
    }
}
