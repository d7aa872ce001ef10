using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Generation;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.LocalHost.Tests.Daily;
using Backfill.LocalHost.Tests.Engine;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Storage.Lineage;
using Backfill.Testing;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Api;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.LocalHost.Tests.Orchestrators;

/// <summary>
/// Claims per written partition on the real engine and Azurite, through the shared HTTP handlers (so the start's
/// dead-holder check and the 409 run as in both hosts), with a scripted runner standing in for the data plane.
/// </summary>
public sealed class ClaimTests(AzuriteFixture azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // With a lake, the real data plane runs (its own container and lineage table); without, the scripted runner.
    private async Task<(EngineHost Host, ScriptedWorkItemRunner Runner)> StartHostAsync(int itemMs, LakeSettings? lake = null)
    {
        var runner = new ScriptedWorkItemRunner(_ => itemMs);
        var settings = new Dictionary<string, string?> { ["Backfill:GrantRefreshSeconds"] = "1", ["Backfill:RetryDelaySeconds"] = "1", ["Daily:TimerEnabled"] = "false" };
        if (lake is not null)
        {
            settings["Lake:ContainerName"] = lake.ContainerName;
            settings["Lake:LineageTableName"] = lake.LineageTableName;
        }

        var host = await EngineHost.StartAsync(
            azurite.ConnectionString, TaskHubNames.New(), s =>
            {
                if (lake is null)
                {
                    s.AddSingleton<IWorkItemRunner>(runner);
                }
            },
            settings);
        return (host, runner);
    }

    private static async Task<(int Status, JsonElement Body)> CallAsync(EngineHost host, Func<HttpRequest, Task<IResult>> handler, object? body = null, string? query = null)
    {
        var context = new DefaultHttpContext { RequestServices = host.Services };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.QueryString = new QueryString(query);
        context.Request.Body = new MemoryStream(body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body));
        context.Response.Body = new MemoryStream();
        await (await handler(context.Request)).ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, (await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: Cancel)).RootElement.Clone());
    }

    private static async Task<string> StartAsync(EngineHost host, object body)
    {
        var (status, answer) = await CallAsync(host, r => host.Services.GetRequiredService<BackfillsHandler>().StartAsync(r, host.Client), body);
        Assert.True(status == StatusCodes.Status202Accepted, answer.ToString());
        return answer.GetProperty("id").GetString()!;
    }

    private static async Task<List<string>> ClaimHoldersAsync(EngineHost host)
    {
        var (status, answer) = await CallAsync(host, r => host.Services.GetRequiredService<ClaimsHandler>().ListAsync(r, host.Client));
        Assert.Equal(StatusCodes.Status200OK, status);
        return [.. answer.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("runId").GetString()!).Distinct()];
    }

    // A client can only signal an entity: the release is queued at once and applied as the entity's next
    // operation, so the holders are read until it is (the deadline fails the test if it never is).
    private static Task<List<string>> ReleasedAsync(EngineHost host, string id) =>
        Eventually.UntilAsync($"{id} to hold no claim", _ => ClaimHoldersAsync(host), holders => !holders.Contains(id));

    // Its own container and lineage table with the lines landed, so the test's days meet no other test's.
    private async Task<LakeSettings> LandedLakeAsync(string name, IEnumerable<GeneratedLine> lines)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var lake = new DailyLake(azurite.ConnectionString, new LakeSettings { ContainerName = name + suffix, LineageTableName = name + suffix });
        await lake.Storage.EnsureCreatedAsync(Cancel);
        await lake.LandAsync("seed", lines);
        return lake.Storage.Settings;
    }

    private static object Body(string target, string[]? layers = null, string? onConflict = null, int maxParallel = 1, string partitions = "2025-01-01..2025-01-06") =>
        new { partitions, target, layers = layers ?? ["raw", "staging", "features"], maxParallel, onConflict };

    [Fact]
    public async Task Start_FeaturesV2OverFeaturesV1Days_409NamesRawThenFeaturesOnlyAndWaitBothRun()
    {
        var (host, runner) = await StartHostAsync(200);
        await using var _ = host;
        var v1 = await StartAsync(host, Body("features_v1"));

        var (status, refused) = await CallAsync(host, r => host.Services.GetRequiredService<BackfillsHandler>().StartAsync(r, host.Client), Body("features_v2"));
        var featuresOnly = await StartAsync(host, Body("features_v2", ["features"]));
        var waiting = await StartAsync(host, Body("features_v2", onConflict: "wait"));
        var shown = await BackfillRuns.WaitForStatusAsync(host.Client, waiting, p => p.Counts.Waiting > 0);

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal(v1, refused.GetProperty("conflictWith").GetString());
        Assert.Equal("raw", refused.GetProperty("dataset").GetString());
        Assert.Equal("2025-01-01", refused.GetProperty("days")[0].GetString());
        Assert.Contains(v1, refused.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.Contains(v1, shown.WaitingReason!, StringComparison.Ordinal);
        Assert.Equal(BackfillStatus.Completed, (await BackfillRuns.CompletedAsync(host.Client, v1)).Status);
        Assert.Equal(BackfillStatus.Completed, (await BackfillRuns.CompletedAsync(host.Client, featuresOnly)).Status);
        var waited = await BackfillRuns.CompletedAsync(host.Client, waiting);
        Assert.Equal(BackfillStatus.Completed, waited.Status);
        Assert.Equal(18, waited.Counts.Succeeded);

        // One writer per partition: the waiting run built raw(D) and staging(D) only after v1 had finished them.
        var attempts = runner.Attempts.ToList();
        foreach (var late in attempts.Where(a => a.Request.BackfillId == waiting && a.Request.Item.Layer != Layer.Features))
        {
            var first = attempts.Single(a => a.Request.BackfillId == v1 && a.Request.Item == late.Request.Item);
            Assert.True(first.End <= late.Start, $"{late.Request.Item} was built by both runs at once");
        }

        Assert.Empty(await ClaimHoldersAsync(host));
    }

    [Fact]
    public async Task Start_FeaturesV2WaitingOverFeaturesV1_RawAndStagingEachBuiltOnce()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var lake = new LakeSettings { ContainerName = "claims" + suffix, LineageTableName = "claims" + suffix };
        var storage = new LakeStorage(new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString), lake, TimeProvider.System);
        await storage.EnsureCreatedAsync(Cancel);
        var generator = new EventGenerator(DailyLake.Options(14));
        var first = Day.Parse("2024-03-01");
        for (var day = first; day <= first.AddDays(9); day = day.AddDays(1))
        {
            await new LandingWriter(storage).WriteAsync($"seed-{day}", generator.Generate(day.Date), Cancel);
        }

        var (host, _) = await StartHostAsync(0, lake);
        await using var __ = host;
        var v1 = await StartAsync(host, Body("features_v1", maxParallel: 3, partitions: "2024-03-01..2024-03-10"));
        var v2 = await StartAsync(host, Body("features_v2", maxParallel: 3, partitions: "2024-03-01..2024-03-10", onConflict: "wait"));
        var done1 = await BackfillRuns.CompletedAsync(host.Client, v1);
        var done2 = await BackfillRuns.CompletedAsync(host.Client, v2);

        Assert.Equal(BackfillStatus.Completed, done1.Status);
        Assert.Equal(BackfillStatus.Completed, done2.Status);

        // v2 waited for raw and staging, then found them live from the same code and config: skipped, not rebuilt.
        Assert.Equal(20, done2.Counts.Skipped);
        var lineage = new LineageStore(storage);
        foreach (var dataset in (string[])["raw", "staging"])
        {
            var published = (await lineage.ListRangeAsync(dataset, first, first.AddDays(9), Cancel)).Where(e => e.Status == CommitStatus.Published).ToList();
            Assert.Equal(10, published.Count);
            Assert.Equal(10, published.Select(e => e.Partition).Distinct().Count());
            Assert.All(published, e => Assert.Equal(v1, e.BackfillId));
        }
    }

    [Fact]
    public async Task Start_OverlappingAFailedHolder_FreesItsClaimsOnTheSpot()
    {
        var (host, _) = await StartHostAsync(300);
        await using var __ = host;
        // An injected exception: item states the orchestration cannot read fail it after it claimed, with no chance to release.
        var spec = BackfillRuns.Spec("2025-01-01..2025-01-06", 1);
        var failed = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BackfillOrchestrator), BackfillRuns.Start(spec) with { Items = new string('X', 18) }, new StartOrchestrationOptions("bf-injected-failure"), Cancel);
        var ended = await Orchestrations.EndedAsync(host.Client, failed);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, ended.RuntimeStatus);
        Assert.Equal([failed], await ClaimHoldersAsync(host));

        var next = await StartAsync(host, Body("features_v1", partitions: "2025-01-03..2025-01-04"));

        Assert.Equal(BackfillStatus.Completed, (await BackfillRuns.CompletedAsync(host.Client, next)).Status);
    }

    [Fact]
    public async Task Terminate_RunningBackfill_FreesClaimsAtOnceAndNamesTheItemsCutOff()
    {
        var (host, runner) = await StartHostAsync(400);
        await using var _ = host;
        var id = await StartAsync(host, Body("features_v1", maxParallel: 3, partitions: "2025-02-01..2025-03-02"));
        await BackfillRuns.WaitForStatusAsync(host.Client, id, p => p.Running.Count > 0 && p.Counts.Succeeded > 0);

        var control = host.Services.GetRequiredService<BackfillControlHandler>();
        var (status, view) = await CallAsync(host, r => control.TerminateAsync(r, host.Client, id));
        var holders = await ReleasedAsync(host, id);

        var next = await StartAsync(host, Body("features_v1", maxParallel: 3, partitions: "2025-02-01..2025-03-02"));
        var (got, after) = await CallAsync(host, r => control.GetAsync(r, host.Client, id));

        Assert.Equal(StatusCodes.Status202Accepted, status);
        Assert.Equal(nameof(BackfillStatus.Terminated), view.GetProperty("status").GetString());
        Assert.DoesNotContain(id, holders);
        var cutOff = after.GetProperty("cutOff").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.NotEmpty(cutOff);
        Assert.Equal(cutOff.Count, after.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("status").GetString() == BackfillItemView.CutOff));
        Assert.Equal(StatusCodes.Status200OK, got);
        Assert.Equal(BackfillStatus.Completed, (await BackfillRuns.CompletedAsync(host.Client, next)).Status);
        Assert.Equal(90, runner.Attempts.Count(a => a.Request.BackfillId == next));
    }

    [Fact]
    public async Task Pause_ThenResume_FinishesWithEachItemRunOnce()
    {
        var (host, runner) = await StartHostAsync(150);
        await using var _ = host;
        var id = await StartAsync(host, Body("features_v1", maxParallel: 2, partitions: "2025-04-01..2025-04-08"));
        await BackfillRuns.WaitForStatusAsync(host.Client, id, p => p.Counts.Succeeded > 0);

        var (paused, _) = await CallAsync(host, r => BackfillControlHandler.PauseAsync(r, host.Client, id));
        var drained = await BackfillRuns.WaitForStatusAsync(host.Client, id, p => p.Status == BackfillStatus.Paused && p.Running.Count == 0);
        var ranWhilePaused = runner.Attempts.Count;
        var (stillPaused, _) = await CallAsync(host, r => BackfillControlHandler.PauseAsync(r, host.Client, id));
        var (resumed, _) = await CallAsync(host, r => BackfillControlHandler.ResumeAsync(r, host.Client, id));
        var done = await BackfillRuns.CompletedAsync(host.Client, id);

        Assert.Equal(StatusCodes.Status202Accepted, paused);
        Assert.Equal(BackfillOrchestrator.OperatorPauseReason, drained.Reason);
        Assert.Equal(drained.Counts.Succeeded, ranWhilePaused);
        Assert.Equal(StatusCodes.Status409Conflict, stillPaused);
        Assert.Equal(StatusCodes.Status202Accepted, resumed);
        Assert.Equal(BackfillStatus.Completed, done.Status);
        Assert.Equal(24, done.Counts.Succeeded);
        Assert.Equal(24, runner.Attempts.Count);
        Assert.Equal(24, runner.Attempts.Select(a => a.Request.Item).Distinct().Count());
    }

    [Fact]
    public async Task DailyRun_DuringBackfillOverItsDays_TakesItsPartitionsAndBothComplete()
    {
        var (host, runner) = await StartHostAsync(300);
        await using var _ = host;
        var backfill = await StartAsync(host, Body("features_v1", maxParallel: 2, partitions: "2025-01-01..2025-01-20"));
        await BackfillRuns.WaitForStatusAsync(host.Client, backfill, p => p.Counts.Succeeded > 0);

        var (daily, _) = await host.Services.GetRequiredService<DailyRunStarter>().StartAsync(host.Client, new DateTimeOffset(2025, 1, 12, 2, 0, 0, TimeSpan.Zero), Cancel);
        var waiting = await BackfillRuns.WaitForStatusAsync(host.Client, backfill, p => p.Counts.Waiting > 0);
        var dailyDone = await Orchestrations.EndedAsync(host.Client, daily);
        var done = await BackfillRuns.CompletedAsync(host.Client, backfill);

        Assert.Contains(daily, waiting.WaitingReason!, StringComparison.Ordinal);
        Assert.Equal(DailyOrchestrator.Completed, dailyDone.ReadOutputAs<DailyRunResult>()!.Status);
        Assert.Equal(BackfillStatus.Completed, done.Status);
        Assert.Equal(60, done.Counts.Succeeded);

        // The daily run never waited or retried behind the backfill: one attempt per item it wrote.
        var dailyAttempts = runner.Attempts.Where(a => a.Request.BackfillId == daily).ToList();
        Assert.NotEmpty(dailyAttempts);
        Assert.Equal(dailyAttempts.Count, dailyAttempts.Select(a => a.Request.Item).Distinct().Count());

        // A backfill item on a partition the daily run took ran again after the daily run wrote it (re-planned, not failed).
        foreach (var written in dailyAttempts.Where(a => a.Request.Item.Layer != Layer.Features))
        {
            var last = runner.Attempts.Where(a => a.Request.BackfillId == backfill && a.Request.Item == written.Request.Item).MaxBy(a => a.Start);
            Assert.True(last.Start >= written.End || last.End <= written.Start, $"{written.Request.Item} was built by both runs at once");
        }

        Assert.Empty(await ClaimHoldersAsync(host));
    }

    // Days of the data-plane terminate test: all layers, so 3 items a day. The must-show names 30 days;
    // 12 keep CI cheap and still leave the run cut off mid-range.
    private const int TerminatedDays = 12;

    [Fact]
    public async Task Terminate_RunningBackfillOnTheDataPlane_NextRunCompletesAndEveryPartitionIsWholeAndAsUndisturbed()
    {
        var first = Day.Parse("2023-02-01");
        var last = first.AddDays(TerminatedDays - 1);
        var generator = new EventGenerator(new EventGeneratorOptions { Seed = 41, EventsPerDay = 1000, EntityCount = 300 });
        var lines = Enumerable.Range(0, TerminatedDays).SelectMany(d => generator.Generate(first.AddDays(d).Date)).ToList();
        var disturbed = await LandedLakeAsync("term", lines);
        var undisturbed = await LandedLakeAsync("clean", lines);
        var body = Body("features_v1", maxParallel: 3, partitions: $"{first}..{last}");

        var (host, _) = await StartHostAsync(0, disturbed);
        int status;
        JsonElement view;
        BackfillProgress done;
        try
        {
            var id = await StartAsync(host, body);
            await BackfillRuns.WaitForStatusAsync(host.Client, id, p => p.Running.Count > 0 && p.Counts.Succeeded > 0);
            (status, view) = await CallAsync(host, r => host.Services.GetRequiredService<BackfillControlHandler>().TerminateAsync(r, host.Client, id));
            await ReleasedAsync(host, id);
            done = await BackfillRuns.CompletedAsync(host.Client, await StartAsync(host, body));
        }
        finally
        {
            // Stopping the host waits for the terminated run's items still in flight: their late commits are in.
            await host.DisposeAsync();
        }

        var (cleanHost, _) = await StartHostAsync(0, undisturbed);
        await using (cleanHost)
        {
            Assert.Equal(BackfillStatus.Completed, (await BackfillRuns.CompletedAsync(cleanHost.Client, await StartAsync(cleanHost, body))).Status);
        }

        Assert.Equal(StatusCodes.Status202Accepted, status);
        Assert.Equal(nameof(BackfillStatus.Terminated), view.GetProperty("status").GetString());
        Assert.True(view.GetProperty("counts").GetProperty("succeeded").GetInt32() < 3 * TerminatedDays, "terminated mid-range");
        Assert.Equal(BackfillStatus.Completed, done.Status);
        Assert.Equal(3 * TerminatedDays, done.Counts.Succeeded + done.Counts.Skipped);
        var live = await LakeAudit.WholeAsync(azurite.ConnectionString, disturbed, first, last);
        var expected = await LakeAudit.WholeAsync(azurite.ConnectionString, undisturbed, first, last);
        Assert.Equal(expected, live);
    }

    // Days the data-plane backfill covers while a daily run writes its last ones. The must-show names 90
    // days; 20 keep CI cheap (a 90-day run passed once, see the README's Claims section).
    private const int OverlapDays = 20;

    [Fact]
    public async Task DailyRun_DuringDataPlaneBackfillOverItsDays_BothCompleteAndFeaturesEqualAFullRecompute()
    {
        var first = Day.Parse("2023-06-01");
        var last = first.AddDays(OverlapDays - 1);

        // The daily run's watermark is the backfill's last day, its rolling days the ones before. Only lines that
        // arrived before it ran are landed, so the daily run's processing time and the backfill's see the same lines.
        var asOf = new DateTimeOffset(last.AddDays(2).Date.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        var generator = new EventGenerator(DailyLake.Options(42));
        var landed = Enumerable.Range(0, OverlapDays).SelectMany(d => generator.Generate(first.AddDays(d).Date)).Where(l => l.ArrivalTime < asOf.UtcDateTime).ToList();
        var options = await LandedLakeAsync("daily", landed);

        var (host, _) = await StartHostAsync(0, options);
        await using var _ = host;
        // Newest first, so the backfill reaches the daily run's days while the daily run writes them.
        var backfill = await StartAsync(host, new { partitions = $"{first}..{last}", target = "features_v1", layers = (string[])["raw", "staging", "features"], maxParallel = 2, order = "descending" });
        await BackfillRuns.WaitForStatusAsync(host.Client, backfill, p => p.Counts.Succeeded > 0);
        var (daily, _) = await host.Services.GetRequiredService<DailyRunStarter>().StartAsync(host.Client, asOf, Cancel);
        var during = await host.Client.GetInstanceAsync(backfill, Cancel);
        var dailyDone = await Orchestrations.EndedAsync(host.Client, daily);
        var done = await BackfillRuns.CompletedAsync(host.Client, backfill);

        Assert.Equal(OrchestrationRuntimeStatus.Running, during!.RuntimeStatus);
        var result = dailyDone.ReadOutputAs<DailyRunResult>()!;
        Assert.Equal(DailyOrchestrator.Completed, result.Status);
        Assert.All(result.Days, d => Assert.True(d.Date >= first && d.Date <= last, $"daily day {d.Date} outside the backfill"));
        Assert.Equal(BackfillStatus.Completed, done.Status);
        Assert.Equal(3 * OverlapDays, done.Counts.Succeeded + done.Counts.Skipped);

        // Nothing lost or double counted: every day's live features equal a recompute from every landed line.
        var lake = new DailyLake(azurite.ConnectionString, options);
        var mismatched = new List<Day>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var expected = DailyLake.Recompute(landed, day).OrderBy(r => r.EntityId, StringComparer.Ordinal);
            if (!expected.SequenceEqual((await lake.LiveFeaturesAsync(day)).OrderBy(r => r.EntityId, StringComparer.Ordinal)))
            {
                mismatched.Add(day);
            }
        }

        Assert.Empty(mismatched);
        Assert.Empty(await ClaimHoldersAsync(host));
    }
}
