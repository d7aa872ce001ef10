using System.Net;
using System.Text.Json;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Scheduling;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// Backfills through the HTTP API of a real local host process, over real landing data and Parquet
/// partitions. January is the 30-day test's alone; the other tests use February days.
/// </summary>
public sealed class BackfillEndToEndTests(BackfillHostFixture fixture) : IClassFixture<BackfillHostFixture>
{
    private static readonly string[] RawOnly = ["raw"];
    private static readonly string[] FeaturesOnly = ["features"];
    private static readonly string[] RawAndStaging = ["raw", "staging"];

    private LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task Backfill_ThirtyDaysThreeLayersCapThree_CommitsEveryPartitionOnceInDependencyOrder()
    {
        var plan = await DryRunAsync("2025-01-01..2025-01-30");
        Assert.Equal(90, plan.Items.Count);
        Assert.All(plan.Items, i => Assert.Equal("run", i.Action));

        var id = await BackfillApi.StartAsync(Host, new { partitions = "2025-01-01..2025-01-30", target = "features_v1", maxParallel = 3 });
        var done = await BackfillApi.WaitAsync(Host, id);

        Assert.Equal(BackfillStatus.Completed, done.Status);
        Assert.Equal(new BackfillCounts(90, 0, 0, 90, 0, 0, 0), done.Counts);
        var items = done.Items!;
        Assert.All(items, i => Assert.Equal(("succeeded", 1), (i.Status, i.Attempts)));
        Assert.All(items, i => Assert.True(i.Rows > 0, $"{i.Layer}/{i.Date} has rows"));
        Assert.Equal(3, Intervals.MaxOverlap(items.Select(i => (i.StartedAt!.Value, i.FinishedAt!.Value))));
        var byId = items.ToDictionary(i => $"{i.Layer}/{i.Date}");
        var dependencies = new LayerDependencies(7);
        Assert.All(items, item => Assert.All(
            dependencies.Upstream(WorkItem.Parse($"{item.Layer}/{item.Date}")).Where(u => byId.ContainsKey(u.Id)),
            upstream => Assert.True(byId[upstream.Id].FinishedAt <= item.StartedAt, $"{item.Layer}/{item.Date} started before {upstream.Id} finished")));

        // The same request again: the dry run and the real run agree that everything is already committed.
        var again = await DryRunAsync("2025-01-01..2025-01-30");
        Assert.All(again.Items, i => Assert.Equal("skip", i.Action));

        // Its impact estimate learns from the commits just made: every layer has lineage timings now, so it has a
        // duration (its accuracy is measured in the demo's explicit test, not here), and skipped items write nothing.
        Assert.NotNull(again.Estimate.DurationSeconds);
        Assert.Null(again.Estimate.NoDurationReason);
        Assert.Empty(again.Estimate.Layers);
        Assert.Contains("median of its dataset's last commit durations from lineage", again.Estimate.Method, StringComparison.Ordinal);
        var layerRun = await BackfillApi.PostAsync(Host, "api/backfills", new { partitions = "2025-01-01..2025-01-30", target = "features_v1", reprocess = "all", maxParallel = 3, dryRun = true });
        var all = JsonSerializer.Deserialize<DryRunView>(layerRun.Body, ApiJson.Options)!.Estimate;
        Assert.Equal(["raw", "staging", "features"], all.Layers.Select(l => l.Layer));
        Assert.All(all.Layers, l => Assert.True(l.Partitions == 30 && l.BytesToWrite > 0 && l.MedianItemMilliseconds > 0 && l.DurationSamples > 0 && l.UnsizedPartitions == 0, $"{l}"));
        Assert.Equal([false, true, true], all.Layers.Select(l => l.InputBytes > 0));
        Assert.NotNull(all.DurationSeconds);
        var rerun = await BackfillApi.WaitAsync(Host, await BackfillApi.StartAsync(Host, new { partitions = "2025-01-01..2025-01-30", target = "features_v1", maxParallel = 16 }));
        Assert.Equal(90, rerun.Counts.Skipped);

        // Under the activity budget (16, 3 reserved for the daily run) the first ran as asked; the rerun asked for all 16.
        Assert.Equal(3, done.EffectiveMaxParallel);
        Assert.Null(done.MaxParallelReason);
        Assert.Equal((16, 13), (rerun.MaxParallel, rerun.EffectiveMaxParallel));
        Assert.Equal("max parallel 16, running 13: activity budget 16 with 3 reserved for the daily run", rerun.MaxParallelReason);
    }

    [Fact]
    public async Task Backfill_OverlappingRequest_Is409NamingTheActiveOneAndCancelStopsIt()
    {
        var first = await BackfillApi.StartAsync(Host, new { partitions = "2025-02-01..2025-02-09", target = "features_v2", maxParallel = 1, layers = RawOnly });

        var (status, body) = await BackfillApi.PostBackfillAsync(Host, new { partitions = "2025-02-09", target = "features_v2", layers = RawOnly });
        using var patch = await Host.Http.PatchAsync(
            $"api/backfills/{first}", new StringContent("{\"maxParallel\":2}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var patched = JsonDocument.Parse(await patch.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var cancel = await BackfillApi.PostAsync(Host, $"api/backfills/{first}/cancel", new { });
        var canceled = await BackfillApi.WaitAsync(Host, first);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(first, JsonDocument.Parse(body).RootElement.GetProperty("conflictWith").GetString());
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(2, patched.GetProperty("maxParallel").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, cancel.Status);
        Assert.Equal(BackfillStatus.Canceled, canceled.Status);
        Assert.True(canceled.Counts.Pending > 0, "items not started stay pending");
    }

    [Fact]
    public async Task Backfill_IdempotencyKeyRetried_ReturnsTheSameBackfill()
    {
        var body = new { partitions = "2025-02-10", target = "features_v1", layers = RawOnly, idempotencyKey = "retry-safe-1" };

        var first = await BackfillApi.StartAsync(Host, body);
        await BackfillApi.WaitAsync(Host, first);
        var second = await BackfillApi.StartAsync(Host, body);

        Assert.Equal("bf-retry-safe-1", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task RetryFailed_AfterTheMissingInputIsBuilt_SucceedsWhereTheFirstRunFailed()
    {
        var first = await BackfillApi.WaitAsync(Host, await BackfillApi.StartAsync(Host, new { partitions = "2025-02-08", target = "features_v1", layers = FeaturesOnly }));
        var tooEarly = await BackfillApi.PostAsync(Host, $"api/backfills/{first.Id}/resume", new { acceptCodeVersion = true });
        await BackfillApi.WaitAsync(Host, await BackfillApi.StartAsync(Host, new { partitions = "2025-02-08", target = "features_v1", layers = RawAndStaging }));

        var (status, body) = await BackfillApi.PostAsync(Host, $"api/backfills/{first.Id}/retry-failed", new { });
        var retry = await BackfillApi.WaitAsync(Host, JsonSerializer.Deserialize<BackfillAccepted>(body, ApiJson.Options)!.Id);

        Assert.Equal(BackfillStatus.CompletedWithFailures, first.Status);
        var failed = Assert.Single(first.Items!);
        Assert.Equal(("failed", 1), (failed.Status, failed.Attempts));
        Assert.Contains("upstream missing: staging/2025-02-08", failed.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.Status);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(BackfillStatus.Completed, retry.Status);
        Assert.Equal(["features/2025-02-08"], retry.Items!.Select(i => $"{i.Layer}/{i.Date}"));
        Assert.Equal(1, retry.Counts.Succeeded);
    }

    private async Task<DryRunView> DryRunAsync(string partitions)
    {
        var (status, body) = await BackfillApi.PostAsync(Host, "api/backfills", new { partitions, target = "features_v1", dryRun = true });
        Assert.True(status == HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<DryRunView>(body, ApiJson.Options)!;
    }
}
