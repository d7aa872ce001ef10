using System.Diagnostics;
using Backfill.Core.Daily;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Versioning;
using Backfill.LocalHost.Hosting;
using Backfill.LocalHost.Tests.Daily;
using Backfill.LocalHost.Tests.Orchestrators;
using Backfill.Storage.Backfills;
using Backfill.Storage.Commits;
using Backfill.Storage.Daily;
using Backfill.Storage.Telemetry;
using Backfill.Testing;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Backfill.LocalHost.Tests.Hosting;

/// <summary>
/// Backfill's telemetry on the real engine, the real data plane and Azurite, read with the in-memory exporter beside
/// the local host's own Prometheus endpoint: a 10-day backfill (raw, staging, features_v1) whose fifth raw day landed
/// nothing, so that day fails validation (the one injected failure) and blocks its dependents. It has its own lake, so
/// no other run's partitions are its baseline. Few entities a day keep it cheap.
/// </summary>
[Collection(typeof(ExactMetricsGroup))]
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2024-05-01");
    private static readonly Day Missing = Day.Parse("2024-05-05");
    private static readonly Day Last = Day.Parse("2024-05-10");

    // raw and staging of the 9 days that landed, and features of the 4 days before the gap; features reads a 7-day
    // window, so the missing day's staging blocks features of 05-05..05-10.
    private const int Succeeded = 9 + 9 + 4;
    private const int Ran = Succeeded + 1;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backfill_TenDaysOneFailsValidation_MetricsCountEachOutcomeAndEveryItemHasOneSpanWithItsRunInItsOrchestrationsTrace()
    {
        var lake = OwnLake.New();
        await new DailyLake(azurite.ConnectionString, lake.Options).LandAsync(DailyLake.Options(32, new MissingDayFault(Missing.Date)), First, Last, "gen");
        var metrics = new List<MetricSnapshot>();
        var exported = new List<Activity>();
        await using var app = await LocalApi.StartAsync(
            azurite.ConnectionString,
            lake.Settings,
            services => services.AddOpenTelemetry()
                .WithMetrics(m => m.AddInMemoryExporter(metrics))
                .WithTracing(t => t.AddInMemoryExporter(exported)));

        var runId = await BackfillAsync(app.Services.GetRequiredService<DurableTaskClient>());
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var (orchestration, spans) = await OrchestrationSpanAsync(app.Services.GetRequiredService<TracerProvider>(), exported, runId);

        Assert.Equal(Succeeded, ItemCount(metrics, "succeeded"));
        Assert.Equal(1, ItemCount(metrics, "failed"));
        Assert.Equal(0, ItemCount(metrics, "skipped") + ItemCount(metrics, "transient") + ItemCount(metrics, "codeVersionMismatch"));
        Assert.Equal(Ran, Latest(metrics, "backfill.items").Sum(p => p.GetSumLong()));
        Assert.Equal(Ran, Latest(metrics, "backfill.item.duration").Sum(p => p.GetHistogramCount()));
        Assert.Equal(Ran, Latest(metrics, "backfill.items.started").Sum(p => p.GetSumLong()));
        Assert.Equal(0, Latest(metrics, "backfill.items.in_flight").Sum(p => p.GetSumLong()));

        // Every failed validation result of the failed item is counted, and only those fail.
        var failed = (await app.Services.GetRequiredService<BackfillItemStore>().ReadAsync(runId, Cancel))[$"raw/{Missing}"];
        var failures = failed.Validation!.Where(r => r.Status == Core.Validation.ValidationStatus.Fail).ToList();
        // An empty day fails row_count_bounds alone: the one validation failure, counted once.
        Assert.Equal("row_count_bounds", Assert.Single(failures).Name);
        Assert.Equal(1, ValidationCount(metrics, "fail"));
        Assert.Equal(1, ValidationCount(metrics, "fail", "row_count_bounds"));
        Assert.Equal(0, ValidationCount(metrics, "error"));

        // Each landed event counted once, in its lateness band, as the late-data store recorded it for the days built.
        var store = app.Services.GetRequiredService<LateDataStore>();
        var landed = new List<LandedCounts>();
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            if (await store.GetAsync(day, Cancel) is { } recorded)
            {
                landed.Add(recorded.Landed);
            }
        }

        Assert.Equal(9, landed.Count);
        (string, long)[] bands =
            [("late0To24h", landed.Sum(l => l.Late0To24Hours)), ("late24To48h", landed.Sum(l => l.Late24To48Hours)), ("lateOver48h", landed.Sum(l => l.LateOver48Hours)), ("onTime", landed.Sum(l => l.OnTime))];
        Assert.Equal(bands.Where(b => b.Item2 > 0), Latest(metrics, "backfill.late_events").Select(p => (Tag(p, TelemetryTags.Lateness)!, p.GetSumLong())).Order());
        Assert.True(landed.Sum(l => l.Late0To24Hours) > 0, "the generated days have late events");

        // One span per item that ran, tagged with the run, and the commit's steps nested under it.
        var items = spans.Where(s => s.OperationName == "backfill.work_item").ToList();
        Assert.All(items, s => Assert.Equal(runId, s.GetTagItem(TelemetryTags.RunId)));
        Assert.Equal(Ran, items.Select(s => $"{s.GetTagItem(TelemetryTags.Layer)}/{s.GetTagItem(TelemetryTags.Partition)}").Distinct().Count());
        Assert.Equal(Ran, items.Count);
        var failedSpan = Assert.Single(items, s => (string?)s.GetTagItem(TelemetryTags.Outcome) == "failed");
        Assert.Equal(("raw", Missing.ToString(), ActivityStatusCode.Error), ((string?)failedSpan.GetTagItem(TelemetryTags.Layer), (string?)failedSpan.GetTagItem(TelemetryTags.Partition), failedSpan.Status));
        var steps = spans.Where(s => s.OperationName.StartsWith("commit.", StringComparison.Ordinal)).ToList();
        Assert.All(steps, s => Assert.Contains(items, i => i.SpanId == s.ParentSpanId));
        Assert.Equal((Ran, Ran, Succeeded), (Steps(steps, "commit.stage"), Steps(steps, "commit.validate"), Steps(steps, "commit.publish")));

        // Each work item runs under the engine's span of its activity, in the trace of the orchestration that scheduled it.
        Assert.All(items, s => Assert.Equal(orchestration.TraceId, s.TraceId));
        Assert.All(items, s => Assert.Contains(spans, e => e.SpanId == s.ParentSpanId && e.Source.Name == LocalTelemetry.EngineSource && e.Kind == ActivityKind.Server));

        // The local host's scrape endpoint reports the same counter.
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var scraped = await http.GetStringAsync("metrics", Cancel);
        TestContext.Current.TestOutputHelper?.WriteLine(scraped);
        var failedLine = Assert.Single(scraped.Split('\n'), l => l.StartsWith("backfill_items_total{", StringComparison.Ordinal) && l.Contains("backfill_outcome=\"failed\"", StringComparison.Ordinal));
        Assert.Equal("1", failedLine.Split(' ')[1]);
    }

    private static async Task<string> BackfillAsync(DurableTaskClient client)
    {
        var target = FeatureVersions.V1;
        var spec = new BackfillSpec($"{First}..{Last}", target.Name, [Layer.Raw, Layer.Staging, Layer.Features], target.InputWindowDays, 3, WriteMode.Overwrite,
            PartitionOrder.Ascending, Retries: 2, RetryDelaySeconds: 1, false, CodeVersion.Current.Value, target.ConfigHash, DateTimeOffset.UtcNow);
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(BackfillOrchestrator), BackfillRuns.Start(spec), Cancel);
        var progress = await BackfillRuns.CompletedAsync(client, id);
        Assert.Equal(new BackfillCounts(30, 0, 0, Succeeded, 1, 30 - Ran, 0), progress.Counts);
        return id;
    }

    /// <summary>
    /// The engine's span of the backfill's orchestration, exported once the engine ends it (just after the run
    /// completes), and a snapshot of every span exported by then: the engine keeps exporting (entities), so the
    /// exporter's list is not enumerated directly.
    /// </summary>
    private static async Task<(Activity Orchestration, Activity[] Spans)> OrchestrationSpanAsync(TracerProvider tracer, List<Activity> exported, string runId)
    {
        var spans = await Eventually.UntilAsync(
            $"the engine's orchestration span of {runId} exported",
            _ =>
            {
                tracer.ForceFlush();
                return Task.FromResult(exported.ToArray());
            },
            snapshot => OrchestrationSpansOf(snapshot, runId).Any());
        var found = OrchestrationSpansOf(spans, runId).ToList();
        // ContinueAsNew keeps the trace, so every execution of the run has the same trace id.
        Assert.Single(found.Select(s => s.TraceId).Distinct());
        return (found[0], spans);
    }

    private static IEnumerable<Activity> OrchestrationSpansOf(Activity[] spans, string runId) =>
        spans.Where(s => s.Source.Name == LocalTelemetry.EngineSource && (string?)s.GetTagItem("durabletask.type") == "orchestration"
            && (string?)s.GetTagItem("durabletask.task.instance_id") == runId);

    private static IReadOnlyList<MetricPoint> Latest(List<MetricSnapshot> metrics, string name) =>
        metrics.LastOrDefault(m => m.Name == name)?.MetricPoints ?? [];

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private static long ItemCount(List<MetricSnapshot> metrics, string outcome) =>
        Latest(metrics, "backfill.items").Where(p => Tag(p, TelemetryTags.Outcome) == outcome).Sum(p => p.GetSumLong());

    private static long ValidationCount(List<MetricSnapshot> metrics, string status, string? check = null) =>
        Latest(metrics, "backfill.validation.results")
            .Where(p => Tag(p, TelemetryTags.Status) == status && (check is null || Tag(p, TelemetryTags.Check) == check))
            .Sum(p => p.GetSumLong());

    private static int Steps(List<Activity> steps, string name) => steps.Count(s => s.OperationName == name);
}
