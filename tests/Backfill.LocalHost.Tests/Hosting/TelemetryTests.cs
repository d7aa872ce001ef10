using System.Diagnostics;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Versioning;
using Backfill.LocalHost.Tests.Daily;
using Backfill.LocalHost.Tests.Orchestrators;
using Backfill.Storage.Backfills;
using Backfill.Storage.Commits;
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
/// the local host's own Prometheus endpoint: a 5-day backfill (raw, staging, features_v1) whose third raw day landed
/// nothing, so that day fails validation and blocks its dependents. It has its own lake, so no other run's
/// partitions are its baseline.
/// </summary>
[Collection(typeof(ExactMetricsGroup))]
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    private static readonly PartitionKey First = PartitionKey.Parse("2024-05-01");
    private static readonly PartitionKey Missing = PartitionKey.Parse("2024-05-03");
    private static readonly PartitionKey Last = PartitionKey.Parse("2024-05-05");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backfill_OneDayFailsValidation_MetricsCountEachOutcomeAndEveryItemHasOneSpanWithItsRun()
    {
        var lake = OwnLake.New();
        await new DailyLake(azurite.ConnectionString, lake.Options).LandAsync(DailyLake.Options(32, new MissingDayFault(Missing.Date)), First, Last, "gen");
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        await using var app = await LocalApi.StartAsync(
            azurite.ConnectionString,
            lake.Settings,
            services => services.AddOpenTelemetry()
                .WithMetrics(m => m.AddInMemoryExporter(metrics))
                .WithTracing(t => t.AddInMemoryExporter(spans)));

        var runId = await BackfillAsync(app.Services.GetRequiredService<DurableTaskClient>());
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        // raw and staging of 4 days and features of the 2 days before the gap; features reads a 7-day window, so
        // the missing day's staging blocks features of 05-03..05-05.
        Assert.Equal(10, ItemCount(metrics, "succeeded"));
        Assert.Equal(1, ItemCount(metrics, "failed"));
        Assert.Equal(0, ItemCount(metrics, "skipped") + ItemCount(metrics, "transient"));
        Assert.Equal(11, Latest(metrics, "backfill.item.duration").Sum(p => p.GetHistogramCount()));
        Assert.Equal(11, Latest(metrics, "backfill.items.started").Sum(p => p.GetSumLong()));
        Assert.Equal(0, Latest(metrics, "backfill.items.in_flight").Sum(p => p.GetSumLong()));

        // Every failed validation result of the failed item is counted, and only those fail.
        var failed = (await app.Services.GetRequiredService<BackfillItemStore>().ReadAsync(runId, Cancel))[$"raw/{Missing}"];
        var failures = failed.Validation!.Where(r => r.Status == Core.Validation.ValidationStatus.Fail).ToList();
        Assert.Contains(failures, r => r.Name == "row_count_bounds");
        Assert.Equal(failures.Count, ValidationCount(metrics, "fail"));
        Assert.Equal(1, ValidationCount(metrics, "fail", "row_count_bounds"));

        // One span per item that ran, tagged with the run, and the commit's steps nested under it.
        var items = spans.Where(s => s.OperationName == "backfill.work_item").ToList();
        Assert.All(items, s => Assert.Equal(runId, s.GetTagItem(TelemetryTags.RunId)));
        Assert.Equal(11, items.Select(s => $"{s.GetTagItem(TelemetryTags.Layer)}/{s.GetTagItem(TelemetryTags.Partition)}").Distinct().Count());
        Assert.Equal(11, items.Count);
        var failedSpan = Assert.Single(items, s => (string?)s.GetTagItem(TelemetryTags.Outcome) == "failed");
        Assert.Equal(("raw", Missing.ToString(), ActivityStatusCode.Error), ((string?)failedSpan.GetTagItem(TelemetryTags.Layer), (string?)failedSpan.GetTagItem(TelemetryTags.Partition), failedSpan.Status));
        var steps = spans.Where(s => s.OperationName.StartsWith("commit.", StringComparison.Ordinal)).ToList();
        Assert.All(steps, s => Assert.Contains(items, i => i.SpanId == s.ParentSpanId));
        Assert.Equal((11, 11, 10), (Steps(steps, "commit.stage"), Steps(steps, "commit.validate"), Steps(steps, "commit.publish")));

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
        Assert.Equal(new BackfillCounts(15, 0, 0, 10, 1, 4, 0), progress.Counts);
        return id;
    }

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
