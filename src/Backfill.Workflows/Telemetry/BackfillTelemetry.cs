using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Backfill.Core.Daily;
using Backfill.Storage.Commits;
using Backfill.Storage.Telemetry;
using Backfill.Workflows.Models;

namespace Backfill.Workflows.Telemetry;

/// <summary>
/// Backfill's spans and metrics, recorded by activities and the work-item runner only: orchestrators replay, so a
/// measurement there would count once per replay. The source and the meter are static and named
/// <see cref="Name"/>; they cost a null check per call until a host's <c>AddBackfillTelemetry</c> listens.
/// </summary>
public static class BackfillTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = BackfillTracing.Name;

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Items = Meter.CreateCounter<long>(
        "backfill.items", "{item}", "Work item attempts, by outcome, layer and trigger.");

    private static readonly Counter<long> ItemsStarted = Meter.CreateCounter<long>(
        "backfill.items.started", "{item}", "Work item attempts started, by layer and trigger.");

    // Per process: summed over a deployment's hosts it is the load to compare with Backfill:ActivityBudget.
    private static readonly UpDownCounter<long> ItemsInFlight = Meter.CreateUpDownCounter<long>(
        "backfill.items.in_flight", "{item}", "Work item attempts running now, by layer and trigger.");

    private static readonly ConcurrentDictionary<string, int> WatermarkLags = new(StringComparer.Ordinal);

    private static readonly ObservableGauge<int> WatermarkLag = Meter.CreateObservableGauge(
        "backfill.watermark.lag",
        () => WatermarkLags.Select(lag => new Measurement<int>(lag.Value, new KeyValuePair<string, object?>(TelemetryTags.Dataset, lag.Key))),
        "d",
        "Days a feature version's committed watermark trails the scheduled one, as of its latest daily run.");

    // Items take from a tenth of a second (unchanged) to minutes (a features_v2 day of a large lake).
    private static readonly Histogram<double> ItemDuration = Meter.CreateHistogram(
        "backfill.item.duration", "s", "How long a work item attempt ran, by outcome, layer and trigger.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] });

    private static readonly Counter<long> RowsWritten = Meter.CreateCounter<long>(
        "backfill.rows.written", "{row}", "Rows of the commits published, by dataset.");

    private static readonly Counter<long> BytesWritten = Meter.CreateCounter<long>(
        "backfill.bytes.written", "By", "Bytes of the data files of the commits published, by dataset.");

    private static readonly Counter<long> ValidationResults = Meter.CreateCounter<long>(
        "backfill.validation.results", "{result}", "Validation results of staged commits, by check, status and dataset.");

    private static readonly Counter<long> LateEvents = Meter.CreateCounter<long>(
        "backfill.late_events", "{event}", "Landed events by lateness band, each counted once, by the first staging build that read it.");

    /// <summary>Starts the span of one work item attempt, tagged with its run, trigger, partition and attempt.</summary>
    /// <param name="request">The attempt.</param>
    /// <param name="dataset">The dataset it writes.</param>
    /// <returns>The span, or null when no tracer listens.</returns>
    public static Activity? StartWorkItem(WorkItemRequest request, string dataset)
    {
        ArgumentNullException.ThrowIfNull(request);
        var span = BackfillTracing.Source.StartActivity("backfill.work_item");
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TelemetryTags.RunId, request.BackfillId);
            span.SetTag(TelemetryTags.Trigger, Named(request.Trigger));
            span.SetTag(TelemetryTags.Layer, Named(request.Item.Layer));
            span.SetTag(TelemetryTags.Dataset, dataset);
            span.SetTag(TelemetryTags.Partition, request.Item.Partition.ToString());
            span.SetTag(TelemetryTags.Attempt, request.Attempt);
        }

        var tags = ItemTags(request);
        ItemsStarted.Add(1, tags);
        ItemsInFlight.Add(1, tags);
        return span;
    }

    /// <summary>Records how an attempt ended: the span's outcome and the item count and duration.</summary>
    /// <param name="span">The attempt's span, if any.</param>
    /// <param name="request">The attempt.</param>
    /// <param name="outcome">What it reported.</param>
    public static void WorkItemEnded(Activity? span, WorkItemRequest request, WorkItemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcome);
        var kind = Named(outcome.Kind);
        span?.SetTag(TelemetryTags.Outcome, kind);
        if (outcome.Kind is not (WorkItemOutcomeKind.Succeeded or WorkItemOutcomeKind.Skipped))
        {
            span?.SetStatus(ActivityStatusCode.Error, outcome.Error);
        }

        var tags = ItemTags(request);
        ItemsInFlight.Add(-1, tags);
        tags.Add(TelemetryTags.Outcome, kind);
        Items.Add(1, tags);
        ItemDuration.Record(outcome.DurationMilliseconds / 1000.0, tags);
    }

    /// <summary>Records a version's watermark lag after its daily run committed.</summary>
    /// <param name="version">The feature version.</param>
    /// <param name="days">Days its committed watermark trails the scheduled one.</param>
    public static void WatermarkLagged(string version, int days) => WatermarkLags[version] = days;

    /// <summary>Counts the events a staging build of a day read for the first time, by lateness band.</summary>
    /// <param name="previous">What the day's previous build had read; null before its first.</param>
    /// <param name="landed">What this build read.</param>
    public static void LandedEventsRead(LandedCounts? previous, LandedCounts landed)
    {
        ArgumentNullException.ThrowIfNull(landed);
        foreach (var (band, events) in landed.NewSince(previous))
        {
            LateEvents.Add(events, new KeyValuePair<string, object?>(TelemetryTags.Lateness, band));
        }
    }

    private static TagList ItemTags(WorkItemRequest request) => new()
    {
        { TelemetryTags.Layer, Named(request.Item.Layer) },
        { TelemetryTags.Trigger, Named(request.Trigger) },
    };

    /// <summary>Records what a commit wrote (when it published) and every validation result it got.</summary>
    /// <param name="result">How stage, validate and publish ended.</param>
    public static void Committed(CommitResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var dataset = result.Commit.Dataset;
        foreach (var check in result.Validation.Results)
        {
            ValidationResults.Add(1, new TagList
            {
                { TelemetryTags.Check, check.Name },
                { TelemetryTags.Status, Named(check.Status) },
                { TelemetryTags.Dataset, dataset },
            });
        }

        if (result.Status == CommitStatus.Published)
        {
            var tag = new KeyValuePair<string, object?>(TelemetryTags.Dataset, dataset);
            RowsWritten.Add(result.Commit.RowCount, tag);
            BytesWritten.Add(result.Commit.Files.Sum(file => file.Bytes), tag);
        }
    }

    // The names the API and the item table use for these enums (camelCase), so a metric's label matches them.
    private static string Named<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
