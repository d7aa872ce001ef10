using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.LocalHost.Tests.Daily;
using Backfill.LocalHost.Tests.Orchestrators;
using Backfill.Testing;
using Backfill.Workflows.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.LocalHost.Tests.Hosting;

/// <summary>
/// Reprocess modes and retry-failed through the local host's API, on the real engine, data plane and Azurite, over a
/// lake seeded to hold every state: 2024-07-01..07-05 (features_v1, 7-day window), where
/// <list type="bullet">
/// <item>a first backfill of 07-01..07-04 found 07-03 landed nothing: raw 07-03 was rejected (failed), which left staging
/// 07-03 and features 07-03..07-04 unbuilt (missing);</item>
/// <item>07-05 was never built (missing in every layer);</item>
/// <item>late events of 07-01 were then built into raw and staging 07-01, so features 07-01 and 07-02, which read the
/// old staging 07-01, are stale.</item>
/// </list>
/// Its own lake, so no other test's partitions are its baseline.
/// </summary>
public sealed class ReprocessTests(AzuriteFixture azurite)
{
    private const string Range = "2024-07-01..2024-07-05";
    private static readonly string[] RawAndStaging = ["raw", "staging"];
    private static readonly Day First = Day.Parse("2024-07-01");
    private static readonly Day Gap = Day.Parse("2024-07-03");
    private static readonly Day Last = Day.Parse("2024-07-05");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reprocess_SeededLake_EachModePlansExactlyItsPartitionsAndStaleRepairLeavesNothingStale()
    {
        var own = OwnLake.New();
        var lake = new DailyLake(azurite.ConnectionString, own.Options);
        await lake.LandAsync(DailyLake.Options(41, new MissingDayFault(Gap.Date)), First, Last, "gen");
        await using var app = await LocalApi.StartAsync(azurite.ConnectionString, own.Settings);
        var engine = app.Services.GetRequiredService<DurableTaskClient>();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var seeded = await RunAsync(http, engine, new { partitions = "2024-07-01..2024-07-04", target = "features_v1" });
        Assert.Equal(new BackfillCounts(12, 0, 0, 8, 1, 3, 0), seeded.Counts);
        await lake.LandAsync("late", new EventGenerator(DailyLake.Options(97)).Generate(First.Date).Take(12));
        Assert.Equal(BackfillStatus.Completed, (await RunAsync(http, engine, new { partitions = "2024-07-01", target = "features_v1", layers = RawAndStaging })).Status);
        Assert.Equal(["stale", "stale", "missing", "missing", "missing"], await StatesAsync(http, "features_v1"));

        // Run, and blocked: a mode rebuilds only what it chose, so an input it leaves alone can block. failed reads features
        // 07-05 from staging 07-05, which is missing; missing leaves failed raw 07-03 alone, so staging 07-03 cannot run.
        await AssertPlanAsync(http, "changed", Items("raw:07-03,07-05", "staging:07-03,07-05", "features:07-03..07-05"), Items());
        await AssertPlanAsync(http, "failed", Items("raw:07-03", "staging:07-03", "features:07-03..07-04"), Items("features:07-05"));
        await AssertPlanAsync(http, "missing", Items("raw:07-05", "staging:07-05"), Items("staging:07-03", "features:07-03..07-05"));
        await AssertPlanAsync(http, "stale", Items("features:07-01..07-02"), Items());
        await AssertPlanAsync(http, "all", Items("raw:07-01..07-05", "staging:07-01..07-05", "features:07-01..07-05"), Items());

        // The dry run names why each item runs, and why the others are left alone.
        var stalePlan = await DryRunAsync(http, "stale");
        var reasons = stalePlan.GetProperty("items").EnumerateArray().ToDictionary(Id, i => i.GetProperty("reason").GetString());
        Assert.Equal("stale: an input changed since it was built", reasons["features/2024-07-01"]);
        Assert.Equal("reprocess stale: raw/2024-07-03 is failed", reasons["raw/2024-07-03"]);

        var repaired = await RunAsync(http, engine, new { partitions = Range, target = "features_v1", reprocess = "stale" });
        Assert.Equal(new BackfillCounts(2, 0, 0, 2, 0, 0, 0), repaired.Counts);
        Assert.Equal(["committed", "committed", "missing", "missing", "missing"], await StatesAsync(http, "features_v1"));
        using (var nothingStale = await http.PostAsJsonAsync("api/backfills", new { partitions = Range, target = "features_v1", reprocess = "stale" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, nothingStale.StatusCode);
            Assert.Equal("stale", (await nothingStale.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reprocess").GetString());
        }

        // retry-failed reruns exactly the failed and blocked items of the seeding backfill, not every layer of their days.
        using var retry = await http.PostAsync($"api/backfills/{seeded.Id}/retry-failed", null, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var retryId = (await retry.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
        var retried = await FinishedAsync(engine, retryId);
        var view = await http.GetFromJsonAsync<JsonElement>($"api/backfills/{retryId}", Cancel);
        Assert.True(Items("raw:07-03", "staging:07-03", "features:07-03..07-04").SetEquals(view.GetProperty("items").EnumerateArray().Select(Id)));
        Assert.Equal("raw:2024-07-03;staging:2024-07-03;features:2024-07-03..2024-07-04", view.GetProperty("request").GetProperty("items").GetString());
        Assert.Equal(new BackfillCounts(4, 0, 0, 0, 1, 3, 0), retried.Counts);
    }

    private static string Id(JsonElement item) => $"{item.GetProperty("layer").GetString()}/{item.GetProperty("date").GetString()}";

    // "staging:07-03,07-05" → staging/2024-07-03, staging/2024-07-05; "features:07-01..07-03" → three items.
    private static HashSet<string> Items(params string[] parts) =>
    [
        .. parts.SelectMany(part =>
        {
            var (layer, days) = (part[..part.IndexOf(':', StringComparison.Ordinal)], part[(part.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            var expression = string.Join(',', days.Split(',').Select(term => string.Join("..", term.Split("..").Select(d => "2024-" + d))));
            return PartitionSetParser.Parse(expression, new PartitionSetParseOptions()).Select(day => $"{layer}/{day}");
        }),
    ];

    private static async Task<JsonElement> DryRunAsync(HttpClient http, string mode)
    {
        using var answer = await http.PostAsJsonAsync("api/backfills", new { partitions = Range, target = "features_v1", reprocess = mode, dryRun = true }, Cancel);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static async Task AssertPlanAsync(HttpClient http, string mode, HashSet<string> run, HashSet<string> blocked)
    {
        var items = (await DryRunAsync(http, mode)).GetProperty("items").EnumerateArray().ToList();
        HashSet<string> Of(string action) => [.. items.Where(i => i.GetProperty("action").GetString() == action).Select(Id)];
        Assert.Equal(15, items.Count);
        Assert.True(run.SetEquals(Of("run")), $"{mode} runs {string.Join(' ', Of("run").Order())}");
        Assert.True(blocked.SetEquals(Of("blocked")), $"{mode} blocks {string.Join(' ', Of("blocked").Order())}");
    }

    private static async Task<(string Id, BackfillStatus Status, BackfillCounts Counts)> RunAsync(HttpClient http, DurableTaskClient engine, object body)
    {
        using var answer = await http.PostAsJsonAsync("api/backfills", body, Cancel);
        Assert.True(answer.StatusCode == HttpStatusCode.Accepted, await answer.Content.ReadAsStringAsync(Cancel));
        var id = (await answer.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
        var progress = await FinishedAsync(engine, id);
        return (id, progress.Status, progress.Counts);
    }

    private static Task<BackfillProgress> FinishedAsync(DurableTaskClient engine, string id) => BackfillRuns.CompletedAsync(engine, id);

    private static async Task<string[]> StatesAsync(HttpClient http, string dataset)
    {
        var view = await http.GetFromJsonAsync<JsonElement>($"api/partitions/{dataset}?from={First}&to={Last}", Cancel);
        return [.. view.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("state").GetString()!)];
    }
}
