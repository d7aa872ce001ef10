using System.Net;
using System.Net.Http.Json;
using Backfill.Core.Partitions;
using Backfill.LocalHost.Tests.Daily;
using Backfill.LocalHost.Tests.Orchestrators;
using Backfill.Testing;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Api;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.LocalHost.Tests.Hosting;

/// <summary>
/// <c>GET /api/partitions/{dataset}</c> while a backfill runs, through the local host's API on the real engine, data
/// plane and Azurite. The real work item runner stands behind a gate that holds one day, so the day is in flight for as
/// long as the test looks, and no polling has to catch a moment.
/// </summary>
public sealed class PartitionsApiTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2024-08-01");
    private static readonly Day Held = Day.Parse("2024-08-02");
    private static readonly Day Last = Day.Parse("2024-08-03");
    private static readonly string[] RawOnly = ["raw"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Partitions_DuringBackfill_ShowsTheDayInFlightAsRunningByThatBackfill()
    {
        var own = OwnLake.New();
        await new DailyLake(azurite.ConnectionString, own.Options).LandAsync(DailyLake.Options(53), First, Last, "gen");
        await using var app = await LocalApi.StartAsync(azurite.ConnectionString, own.Settings, services => services
            .AddSingleton<PipelineWorkItemRunner>()
            .AddSingleton<IWorkItemRunner>(provider => new WorkItemGate(provider.GetRequiredService<PipelineWorkItemRunner>())));
        var gate = (WorkItemGate)app.Services.GetRequiredService<IWorkItemRunner>();
        var engine = app.Services.GetRequiredService<DurableTaskClient>();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var route = $"api/partitions/raw?from={First}&to={Last}";

        gate.Hold(request => request.Item.Partition == Held);
        using var answer = await http.PostAsJsonAsync("api/backfills", new { partitions = $"{First}..{Last}", target = "features_v1", layers = RawOnly, maxParallel = 1 }, Cancel);
        Assert.True(answer.StatusCode == HttpStatusCode.Accepted, await answer.Content.ReadAsStringAsync(Cancel));
        var id = (await answer.Content.ReadFromJsonAsync<BackfillAccepted>(ApiJson.Options, Cancel))!.Id;
        await Eventually.UntilAsync($"raw/{Held} held at the gate", () => gate.Held == 1);
        var during = await Eventually.UntilAsync(
            $"GET {route} to show raw/{Held} running",
            _ => http.GetFromJsonAsync<PartitionsView>(route, ApiJson.Options, Cancel)!,
            view => view!.Days.Any(d => d.State == "running"));
        gate.Open();
        var done = await BackfillRuns.CompletedAsync(engine, id);
        var after = await http.GetFromJsonAsync<PartitionsView>(route, ApiJson.Options, Cancel);

        Assert.Equal(["committed", "running", "missing"], during!.Days.Select(d => d.State));
        var running = during.Days[1];
        Assert.Equal((Held.ToString(), id), (running.Date, running.RunId));
        Assert.Contains(id, running.Reason, StringComparison.Ordinal);
        Assert.Equal((BackfillStatus.Completed, 3), (done.Status, done.Counts.Succeeded));
        Assert.All(after!.Days, d => Assert.Equal("committed", d.State));
    }
}
