using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.LocalHost.Tests.Daily;
using Backfill.LocalHost.Tests.Orchestrators;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Reading;
using Backfill.Testing;
using Backfill.Workflows.Models;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.LocalHost.Tests.Hosting;

/// <summary>
/// A backfill of datasets split into entity buckets (<c>Layout:Buckets</c>), through the local host's API on the real
/// engine, data plane and Azurite: every layer's days equal a whole-day backfill's row for row and a recompute from the
/// landed events, each day is one commit of every bucket's files, and a changed layout shows as a changed config.
/// </summary>
public sealed class BucketedBackfillTests(AzuriteFixture azurite)
{
    // Three days: each is 30 steps at 8 buckets, and CI runs this beside the end-to-end suite on 2 cores.
    private const string Range = "2024-08-01..2024-08-03";
    private static readonly Day First = Day.Parse("2024-08-01");
    private static readonly Day Last = Day.Parse("2024-08-03");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backfill_EightBucketsEveryLayer_EqualsTheWholeDayBackfillAndAFullRecompute()
    {
        var (whole, split) = (OwnLake.New(), OwnLake.New());
        var (wholeLake, splitLake) = (new DailyLake(azurite.ConnectionString, whole.Options), new DailyLake(azurite.ConnectionString, split.Options));
        var landed = await wholeLake.LandAsync(DailyLake.Options(53), First, Last.AddDays(2), "gen");
        await splitLake.LandAsync(DailyLake.Options(53), First, Last.AddDays(2), "gen");

        Assert.Equal(BackfillStatus.Completed, (await BackfillAsync(whole.Settings)).Status);
        var bucketed = await BackfillAsync(Bucketed(split.Settings, 8), ExpandedPerBucketAsync);
        Assert.Equal(BackfillStatus.Completed, bucketed.Status);
        Assert.Equal(new BackfillCounts(9, 0, 0, 9, 0, 0, 0), bucketed.Counts);

        var (wholeReader, splitReader) = (new PartitionReader(wholeLake.Storage), new PartitionReader(splitLake.Storage));
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            foreach (var dataset in new[] { Datasets.Raw, Datasets.Staging })
            {
                var splitCommit = (await splitReader.GetLiveCommitAsync(dataset, day, Cancel))!;
                Assert.Equal(8, splitCommit.Buckets);
                Assert.Equal(
                    (await wholeReader.ReadEventsAsync((await wholeReader.GetLiveCommitAsync(dataset, day, Cancel))!, Cancel)).Order(ArrivedEvent.StorageOrder),
                    (await splitReader.ReadEventsAsync(splitCommit, Cancel)).Order(ArrivedEvent.StorageOrder));
            }

            var features = (await splitReader.GetLiveCommitAsync(FeatureVersions.V1.Name, day, Cancel))!;
            Assert.Equal(8, features.Files.Select(file => file.Name[..file.Name.IndexOf('/', StringComparison.Ordinal)]).Distinct().Count());
            var expected = DailyLake.Recompute(landed, day);
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Order(FeatureRow.StorageOrder), (await splitLake.LiveFeaturesAsync(day)).Order(FeatureRow.StorageOrder));
            Assert.Equal((await wholeLake.LiveFeaturesAsync(day)).Order(FeatureRow.StorageOrder), (await splitLake.LiveFeaturesAsync(day)).Order(FeatureRow.StorageOrder));
        }

        // The same layout again: every day is current. Another layout: every day's config changed, so every day runs.
        Assert.All(await DryRunActionsAsync(Bucketed(split.Settings, 8)), item => Assert.Equal(("skip", 8), item));
        Assert.All(await DryRunActionsAsync(Bucketed(split.Settings, 4)), item => Assert.Equal(("run", 4), item));
    }

    private static Dictionary<string, string?> Bucketed(Dictionary<string, string?> settings, int buckets)
    {
        foreach (var dataset in new[] { Datasets.Raw, Datasets.Staging, FeatureVersions.V1.Name })
        {
            settings[$"Layout:Buckets:{dataset}"] = buckets.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // A few landing files per map group, so a raw day maps in several groups, as a large day does.
        settings["Layout:MapGroupBytes"] = "4096";
        return settings;
    }

    // One features day of the finished backfill, expanded: the pin, each bucket's rows (which add up to the day's), the
    // publish; a raw day's map groups and a staging day's id exchange between its pin and its buckets.
    private static async Task ExpandedPerBucketAsync(HttpClient http, string id)
    {
        var raw = (await http.GetFromJsonAsync<JsonElement>($"api/backfills/{id}/items/raw/2024-08-03", Cancel)).GetProperty("steps").EnumerateArray()
            .Select(s => s.GetProperty("step").GetString()!).ToList();
        var groups = raw.Count(step => step.StartsWith("map=", StringComparison.Ordinal));
        Assert.True(groups > 1, string.Join(", ", raw));
        Assert.Equal(["pin", .. Enumerable.Range(0, groups).Select(g => $"map={g:D3}"), .. Enumerable.Range(0, 8).Select(b => $"bucket={b:D3}"), "publish"], raw);

        // A staging day exchanges its event ids (each bucket's ids, then each id range's resolve) before its buckets.
        var staging = (await http.GetFromJsonAsync<JsonElement>($"api/backfills/{id}/items/staging/2024-08-03", Cancel)).GetProperty("steps").EnumerateArray().ToList();
        static IEnumerable<string> Eight(string kind) => Enumerable.Range(0, 8).Select(b => $"{kind}={b:D3}");
        Assert.Equal(["pin", .. Eight("ids"), .. Eight("resolve"), .. Eight("bucket"), "publish"], staging.Select(s => s.GetProperty("step").GetString()!));
        Assert.All(staging, s => Assert.Equal("succeeded", s.GetProperty("status").GetString()));

        var expanded = await http.GetFromJsonAsync<JsonElement>($"api/backfills/{id}/items/features/2024-08-03", Cancel);
        Assert.Equal(8, expanded.GetProperty("buckets").GetInt32());
        var steps = expanded.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(
            ["pin", .. Enumerable.Range(0, 8).Select(b => $"bucket={b:D3}"), "publish"],
            steps.Select(s => s.GetProperty("step").GetString()!));
        Assert.All(steps, s => Assert.Equal(("succeeded", 1), (s.GetProperty("status").GetString(), s.GetProperty("attempts").GetInt32())));
        var dayRows = expanded.GetProperty("item").GetProperty("rows").GetInt64();
        Assert.True(dayRows > 0);
        Assert.Equal(dayRows, steps.Where(s => s.GetProperty("bucket").ValueKind == JsonValueKind.Number).Sum(s => s.GetProperty("rows").GetInt64()));

        // The day's lineage row lists the same buckets, with the worker that built each.
        var history = await http.GetFromJsonAsync<JsonElement>("api/partitions/features_v1/2024-08-03/history", Cancel);
        var published = history.GetProperty("commits").EnumerateArray().Single(c => c.GetProperty("state").GetString() == "published");
        var lineageBuckets = published.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 8), lineageBuckets.Select(b => b.GetProperty("bucket").GetInt32()));
        Assert.Equal(
            steps.Where(s => s.GetProperty("bucket").ValueKind == JsonValueKind.Number).Select(s => s.GetProperty("rows").GetInt64()),
            lineageBuckets.Select(b => b.GetProperty("rows").GetInt64()));
        Assert.All(lineageBuckets, b => Assert.False(string.IsNullOrEmpty(b.GetProperty("worker").GetString())));

        using var badLayer = await http.GetAsync($"api/backfills/{id}/items/feature/2024-08-03", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, badLayer.StatusCode);
        Assert.True((await badLayer.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("layer", out _));
        using var notPlanned = await http.GetAsync($"api/backfills/{id}/items/features/2024-09-03", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, notPlanned.StatusCode);
    }

    private async Task<BackfillProgress> BackfillAsync(Dictionary<string, string?> settings, Func<HttpClient, string, Task>? inspect = null)
    {
        await using var app = await LocalApi.StartAsync(azurite.ConnectionString, settings);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var answer = await http.PostAsJsonAsync("api/backfills", new { partitions = Range, target = "features_v1", maxParallel = 4 }, Cancel);
        Assert.True(answer.StatusCode == HttpStatusCode.Accepted, await answer.Content.ReadAsStringAsync(Cancel));
        var id = (await answer.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
        // 90 steps, each a few storage round trips: on a loaded CI machine that can take minutes (no timer pauses this run).
        var progress = await BackfillRuns.CompletedAsync(app.Services.GetRequiredService<DurableTaskClient>(), id, TimeSpan.FromMinutes(10));
        if (inspect is not null)
        {
            await inspect(http, id);
        }

        return progress;
    }

    private async Task<IReadOnlyList<(string Action, int Buckets)>> DryRunActionsAsync(Dictionary<string, string?> settings)
    {
        await using var app = await LocalApi.StartAsync(azurite.ConnectionString, settings);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var answer = await http.PostAsJsonAsync("api/backfills", new { partitions = Range, target = "features_v1", dryRun = true }, Cancel);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return [.. (await answer.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("action").GetString()!, i.GetProperty("buckets").GetInt32()))];
    }
}
