using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Storage.Pointers;
using Backfill.Storage.Reading;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// Flips between feature versions through the HTTP API of a real local host, over real Parquet partitions. Each test
/// gets its own host and its own lake (container and lineage table), because the pointer's mirror blob and
/// the committed days that set a flip's default range are lake-wide.
/// </summary>
public sealed class PointerEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Days = 12;
    private static readonly Day First = Day.Parse("2025-03-01");
    private static readonly Day Last = First.AddDays(Days - 1);
    private static readonly string[] FeaturesOnly = ["features"];
    private static readonly string[] WrittenDatasets = ["raw", "staging", "features_v1"];

    private LocalHostProcess? _host;
    private LakeStorage? _lake;

    private LocalHostProcess Host => _host!;

    private LakeStorage Lake => _lake!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Range(Day from, Day to) => $"{from}..{to}";

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    private async Task StartAsync(Dictionary<string, string>? settings = null)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var options = new LakeSettings { ContainerName = "lake-" + id, LineageTableName = "lineage" + id };
        _lake = new LakeStorage(new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString), options, TimeProvider.System);
        await BackfillApi.SeedLandingAsync(azurite.ConnectionString, First, Days, eventsPerDay: 300, options: options);
        _host = await LocalHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["TaskHubName"] = "p" + id,
            ["Lake:ContainerName"] = options.ContainerName,
            ["Lake:LineageTableName"] = options.LineageTableName,
            ["Backfill:RetryDelaySeconds"] = "1",
        }.Concat(settings ?? []).ToDictionary());
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<BackfillView> BackfillAsync(object body)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var done = await BackfillApi.WaitAsync(Host, await BackfillApi.StartAsync(Host, body));
        TestContext.Current.TestOutputHelper?.WriteLine($"{started.Elapsed}: backfill {JsonSerializer.Serialize(body)} {done.Status}");
        return done;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (status, text) = await BackfillApi.PostAsync(Host, path, body);
        TestContext.Current.TestOutputHelper?.WriteLine($"{started.Elapsed}: POST {path} {status}");
        return (status, JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<PointerView> PointerAsync() => Host.ReadJsonAsync<PointerView>("api/pointers/features");

    private async Task<JsonElement> ReadAsync(string dataset, Day day)
    {
        using var response = await Host.Http.GetAsync($"api/read/{dataset}/{day}?limit=5", Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET read/{dataset}/{day}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> LiveCommitAsync(string dataset, Day day) =>
        (await new PartitionReader(Lake).GetLiveCommitAsync(dataset, day, Cancel))!.CommitId;

    [Fact]
    public async Task Flip_V1ToV2_CompletenessConcurrentFlipsReaderLoopRollbackAndFlipOnSuccess()
    {
        await StartAsync();
        var v1 = await BackfillAsync(new { partitions = Range(First, Last), target = "features_v1", maxParallel = 4 });
        var v2Partial = await BackfillAsync(new { partitions = Range(First, Last.AddDays(-1)), target = "features_v2", layers = FeaturesOnly, maxParallel = 4 });
        Assert.Equal((BackfillStatus.Completed, BackfillStatus.Completed), (v1.Status, v2Partial.Status));

        // Before any flip: sequence 0 names features_v1, and readers of "features" get it.
        var initial = await PointerAsync();
        Assert.Equal(("features", "features_v1", 0L, (string?)null), (initial.Name, initial.Current, initial.Sequence, initial.FlippedBy));
        Assert.Empty(initial.History);
        Assert.Equal("features_v1", (await ReadAsync("features", First)).GetProperty("resolvedDataset").GetString());

        // Completeness: v1 has all thirty days, v2 lacks the last one.
        var (incompleteStatus, incomplete) = await PostAsync("api/pointers/features/flip", new { to = "features_v2", expectedCurrent = "features_v1" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incompleteStatus);
        Assert.Equal([Last.ToString()], incomplete.GetProperty("missing").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(0, incomplete.GetProperty("failed").GetArrayLength());
        Assert.Equal(Days, incomplete.GetProperty("requiredDays").GetInt32());
        Assert.Equal(0, (await PointerAsync()).Sequence);

        Assert.Equal(BackfillStatus.Completed, (await BackfillAsync(new { partitions = Last.ToString(), target = "features_v2", layers = FeaturesOnly })).Status);

        // A reader loops over every day while two identical flips race: exactly one wins, and no read mixes versions.
        var reads = new ConcurrentQueue<FeatureRead>();
        using var stop = new CancellationTokenSource();
        var reader = new FeatureReader(new PartitionReader(Lake), new PointerStore(Lake));
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = Task.Run(async () =>
        {
            // After the flips answer, read on until one read sees v2 (bounded, should the flip have failed).
            while ((!stop.IsCancellationRequested || reads.LastOrDefault()?.Dataset != "features_v2") && reads.Count < 500)
            {
                reads.Enqueue(await reader.ReadAsync("features", First, Last, Cancel));
                reading.TrySetResult();
            }
        }, Cancel);

        // The flips start only once the reader has read v1, so the loop really spans the flip.
        await reading.Task;
        // The second names its days by the deprecated alias `range`: it must be accepted as `partitions` is.
        var racing = await Task.WhenAll(
            PostAsync("api/pointers/features/flip", new { to = "features_v2", expectedCurrent = "features_v1", partitions = Range(First, Last) }),
            PostAsync("api/pointers/features/flip", new { to = "features_v2", expectedCurrent = "features_v1", range = Range(First, Last) }));
        await stop.CancelAsync();
        await loop;

        Assert.True(
            racing.Select(r => r.Status).Order().SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]),
            $"racing flips: {string.Join(" | ", racing.Select(r => $"{r.Status} {r.Body}"))}\n{Host.Output}");
        var won = racing.Single(r => r.Status == HttpStatusCode.OK).Body.Deserialize<PointerView>(ApiJson.Options)!;
        Assert.Equal(("features_v2", 1L), (won.Current, won.Sequence));
        Assert.StartsWith("ptr-features-0-", won.FlippedBy, StringComparison.Ordinal);
        var lost = racing.Single(r => r.Status == HttpStatusCode.Conflict).Body;
        Assert.Equal(("features_v2", 1L), (lost.GetProperty("current").GetString(), lost.GetProperty("sequence").GetInt64()));
        Assert.Equal([("features_v1", 0L)], won.History.Select(h => (h.Version, h.Sequence)));
        var operation = (await Host.Http.GetFromJsonAsync<PointerOperationStatus>($"api/pointers/features/operations/{won.FlippedBy}", ApiJson.Options, Cancel))!;
        Assert.Equal(("Completed", FlipOutcomeKind.Flipped), (operation.RuntimeStatus, operation.Outcome!.Kind));
        Assert.Equal(Days, operation.Outcome.Completeness!.Required.Count);
        var canary = operation.Outcome.Canary!.Days;
        Assert.Equal(5, canary.Count);
        Assert.Equal([Last.AddDays(-2), Last.AddDays(-1), Last], canary.TakeLast(3).Select(d => d.Day));
        Assert.All(canary, day => Assert.Contains(day.Results, r => r.Name == "schema" && r.Status == Core.Validation.ValidationStatus.Pass));
        Assert.All(canary, day => Assert.Contains(day.Results, r => r.Name == "drift" && r.Column == "amount_7d"));
        Assert.All(reads, read =>
        {
            Assert.Equal(Days, read.Commits.Count);
            Assert.All(read.Commits, c => Assert.Equal(read.Dataset, c.Dataset));
        });
        Assert.Equal("features_v1", reads.First().Dataset);
        Assert.Equal("features_v2", reads.Last().Dataset);

        // Every day at once: each read of "features" resolves to v2's live commit.
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            var read = await ReadAsync("features", day);
            Assert.Equal(("features", "features_v2", day.ToString()), (read.GetProperty("dataset").GetString(), read.GetProperty("resolvedDataset").GetString(), read.GetProperty("date").GetString()));
            Assert.Equal(await LiveCommitAsync("features_v2", day), read.GetProperty("commitId").GetString());
            Assert.True(read.GetProperty("rowCount").GetInt64() > 0);
            Assert.Contains("purchases_28d", read.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal("features_v1", (await ReadAsync("features_v1", day)).GetProperty("resolvedDataset").GetString());
        }

        // Rollback with the sequence just read; a second one with the same (now stale) sequence is refused.
        var (rollbackStatus, rolledBack) = await PostAsync("api/pointers/features/rollback", new { expectedSequence = 1 });
        var (staleStatus, stale) = await PostAsync("api/pointers/features/rollback", new { expectedSequence = 1 });
        Assert.Equal(HttpStatusCode.OK, rollbackStatus);
        Assert.Equal(("features_v1", 2L), (rolledBack.GetProperty("current").GetString(), rolledBack.GetProperty("sequence").GetInt64()));
        Assert.Equal(HttpStatusCode.Conflict, staleStatus);
        Assert.Equal(2, stale.GetProperty("sequence").GetInt64());
        Assert.Equal("features_v1", (await ReadAsync("features", Last)).GetProperty("resolvedDataset").GetString());

        // flipOnSuccess: a backfill whose items all succeed (here: skipped, unchanged) flips the pointer itself.
        var flipping = await BackfillAsync(new { partitions = Last.ToString(), target = "features_v2", layers = FeaturesOnly, flipOnSuccess = true });
        var afterBackfill = await PointerAsync();
        Assert.Equal(BackfillStatus.Completed, flipping.Status);
        Assert.True(flipping.Request.FlipOnSuccess);
        Assert.Equal("flipped features to features_v2 at sequence 3", flipping.Flip);
        Assert.Equal(("features_v2", 3L, flipping.Id), (afterBackfill.Current, afterBackfill.Sequence, afterBackfill.FlippedBy));
        Assert.Equal([("features_v1", 2L), ("features_v2", 1L), ("features_v1", 0L)], afterBackfill.History.Select(h => (h.Version, h.Sequence)));

        // A failed item leaves the pointer untouched: features of a day without staging cannot be built.
        var failing = await BackfillAsync(new { partitions = "2025-04-20", target = "features_v1", layers = FeaturesOnly, flipOnSuccess = true, retries = 0 });
        Assert.Equal(BackfillStatus.CompletedWithFailures, failing.Status);
        Assert.Null(failing.Flip);
        Assert.Equal(3, (await PointerAsync()).Sequence);

        // Every change is in lineage, in order.
        var recorded = await new PointerLineage(Lake).ListAsync("features", Cancel);
        Assert.Equal([("flip", 1L, "features_v2"), ("rollback", 2L, "features_v1"), ("flip", 3L, "features_v2")], recorded.Select(r => (r.Kind, r.Sequence, r.To)));
        Assert.Equal(Days, recorded[0].RequiredDays);
        Assert.Equal(5, recorded[0].Canary.Split(", ").Length);
        Assert.Equal((await PointerAsync()).Current, (await new PointerStore(Lake).GetAsync("features", Cancel))!.Current);

        // ... and raised an info alert naming the run that made it.
        var alerts = (await Host.ReadJsonAsync<JsonElement>("api/alerts?limit=1000")).GetProperty("alerts").EnumerateArray().ToList();
        foreach (var change in recorded)
        {
            Assert.Contains(alerts, a => a.GetProperty("runId").GetString() == change.FlippedBy
                && a.GetProperty("kind").GetString() == "pointer_" + change.Kind && a.GetProperty("severity").GetString() == "info");
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Host.Http.GetAsync(path, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Repair_FewDaysOfTheCurrentVersion_PublishesThemLeavesTheRestOfTheMonthUntouchedAndReportsIt_AndARunStillGoingIs202()
    {
        // No wait for flip runs: the rollback at the end answers 202 and is followed through its status URL.
        await StartAsync(new() { ["Backfill:FlipWaitSeconds"] = "0" });
        const int BuiltDays = 7;
        var last = First.AddDays(BuiltDays - 1);
        var repairFrom = First.AddDays(1);
        var repairTo = First.AddDays(5);
        var repaired = Enumerable.Range(0, 5).Select(repairFrom.AddDays).ToList();
        Assert.Equal(BackfillStatus.Completed, (await BackfillAsync(new { partitions = Range(First, last), target = "features_v1", maxParallel = 4 })).Status);
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(Lake.Settings.ContainerName);
        async Task<Dictionary<string, Azure.ETag>> ManifestsAsync()
        {
            var etags = new Dictionary<string, Azure.ETag>();
            foreach (var dataset in WrittenDatasets)
            {
                for (var day = First; day <= last; day = day.AddDays(1))
                {
                    var blob = container.GetBlobClient($"{dataset}/{day.PathSegment}/_manifest.json");
                    etags[$"{dataset}/{day}"] = (await blob.GetPropertiesAsync(cancellationToken: Cancel)).Value.ETag;
                }
            }

            return etags;
        }

        var before = await ManifestsAsync();
        var featuresBefore = new Dictionary<string, string>();
        foreach (var day in repaired)
        {
            featuresBefore[day.ToString()] = await LiveCommitAsync("features_v1", day);
        }

        var readBefore = await ReadAsync("features", First.AddDays(2));

        // Late events for five days land, as a drifted source would be corrected; then repair those days only.
        var writer = new LandingWriter(Lake);
        var generator = new EventGenerator(new EventGeneratorOptions { EventsPerDay = 100, EntityCount = 60, Seed = 77 });
        foreach (var day in repaired)
        {
            await writer.WriteAsync($"repair-{day}", generator.Generate(day.Date), Cancel);
        }

        var repairId = await BackfillApi.StartAsync(Host, new { partitions = Range(repairFrom, repairTo), target = "features_v1" });

        // Its 15 items have only just been planned: the report refuses to prove anything about a backfill still running.
        var (earlyStatus, early) = await GetAsync($"api/backfills/{repairId}/report");
        Assert.True(earlyStatus == HttpStatusCode.Conflict, $"{earlyStatus} {early}");
        Assert.Contains("still running", early.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var repair = await BackfillApi.WaitAsync(Host, repairId);
        var after = await ManifestsAsync();
        var readAfter = await ReadAsync("features", First.AddDays(2));

        Assert.Equal(BackfillStatus.Completed, repair.Status);
        Assert.Equal(15, repair.Counts.Succeeded);
        var changed = before.Keys.Where(k => before[k] != after[k]).Order().ToList();
        Assert.Equal(
            WrittenDatasets.SelectMany(d => repaired.Select(day => $"{d}/{day}")).Order(),
            changed);
        Assert.NotEqual(readBefore.GetProperty("commitId").GetString(), readAfter.GetProperty("commitId").GetString());
        Assert.Equal("features_v1", readAfter.GetProperty("resolvedDataset").GetString());
        Assert.Equal(await LiveCommitAsync("features_v1", First.AddDays(2)), readAfter.GetProperty("commitId").GetString());

        // The repair report: the five features partitions with their deltas against the commits they superseded, ...
        var (reportStatus, report) = await GetAsync($"api/backfills/{repairId}/report");
        Assert.True(reportStatus == HttpStatusCode.OK, $"{reportStatus} {report}");
        TestContext.Current.TestOutputHelper?.WriteLine($"report: {report}");
        Assert.Equal(("2025-03-01", "2025-03-31"), (report.GetProperty("from").GetString(), report.GetProperty("to").GetString()));
        var summary = report.GetProperty("summary");
        Assert.Equal(
            (15, 2 * 3, 0, (31 - BuiltDays) * 3, 1),
            (summary.GetProperty("published").GetInt32(), summary.GetProperty("unchanged").GetInt32(), summary.GetProperty("changedSinceStart").GetInt32(),
                summary.GetProperty("missing").GetInt32(), summary.GetProperty("stale").GetInt32()));
        var published = report.GetProperty("published").EnumerateArray().ToList();
        Assert.Equal(
            WrittenDatasets.SelectMany(d => repaired.Select(day => $"{d}/{day}")),
            published.Select(p => $"{p.GetProperty("dataset").GetString()}/{p.GetProperty("date").GetString()}"));
        var features = published.Where(p => p.GetProperty("dataset").GetString() == "features_v1").ToList();
        var featureNames = Core.Features.FeatureVersions.V1.Features.Select(f => f.Name).ToList();
        foreach (var partition in features)
        {
            var date = partition.GetProperty("date").GetString()!;
            Assert.Equal(("previous", featuresBefore[date]), (partition.GetProperty("before").GetString(), partition.GetProperty("previousCommitId").GetString()));
            Assert.Equal(await LiveCommitAsync("features_v1", Day.Parse(date)), partition.GetProperty("commitId").GetString());
            Assert.Equal(partition.GetProperty("commitId").GetString(), partition.GetProperty("liveCommitId").GetString());
            Assert.True(partition.GetProperty("rowsBefore").GetInt64() > 0 && partition.GetProperty("changes").GetProperty("changed").GetInt32() > 0, partition.ToString());
            var shifts = partition.GetProperty("meanShifts").EnumerateArray().ToList();
            Assert.Equal(featureNames, shifts.Select(s => s.GetProperty("feature").GetString()));
            Assert.Contains(shifts, s => s.GetProperty("shift").GetDouble() != 0);
        }

        // The late copies reuse the days' event ids: raw keeps every copy (more rows under the same keys), staging the first arrival.
        Assert.All(published.Where(p => p.GetProperty("dataset").GetString() != "features_v1"), p =>
            Assert.True(p.GetProperty("changes").GetProperty("changed").GetInt32() > 0 && p.GetProperty("meanShifts").ValueKind == JsonValueKind.Null, p.ToString()));
        Assert.All(published.Where(p => p.GetProperty("dataset").GetString() == "raw"), p =>
            Assert.True(p.GetProperty("rowsAfter").GetInt64() > p.GetProperty("rowsBefore").GetInt64(), p.ToString()));

        // ... the rest of the month: built days proven unchanged by the ETag read before the repair, the others missing, ...
        var startedAt = report.GetProperty("startedAt").GetDateTimeOffset();
        var untouched = report.GetProperty("untouched").EnumerateArray().ToList();
        var unchanged = untouched.Where(u => u.GetProperty("verdict").GetString() == "unchanged").ToList();
        Assert.Equal(
            WrittenDatasets.SelectMany(d => new[] { $"{d}/{First}", $"{d}/{last}" }).Order(),
            unchanged.Select(u => $"{u.GetProperty("dataset").GetString()}/{u.GetProperty("date").GetString()}").Order());
        Assert.All(unchanged, u =>
        {
            Assert.Equal(before[$"{u.GetProperty("dataset").GetString()}/{u.GetProperty("date").GetString()}"].ToString(), u.GetProperty("etag").GetString());
            Assert.True(u.GetProperty("lastModified").GetDateTimeOffset() < startedAt, u.ToString());
        });
        Assert.All(untouched.Where(u => u.GetProperty("verdict").GetString() != "unchanged"), u => Assert.Equal(("missing", JsonValueKind.Null), (u.GetProperty("verdict").GetString(), u.GetProperty("etag").ValueKind)));

        // ... and the downstream it made stale: features of the day after, whose window read the repaired staging days.
        var stale = Assert.Single(report.GetProperty("stale").EnumerateArray());
        Assert.Equal(("features_v1", last.ToString()), (stale.GetProperty("dataset").GetString(), stale.GetProperty("date").GetString()));
        Assert.Contains($"staging/{repairTo} read ", stale.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var fix = Assert.Single(report.GetProperty("repairs").EnumerateArray());
        Assert.Equal($"backfill repair --stale --from {last} --to {last} --target features_v1", fix.GetProperty("command").GetString());

        // The one-click repair: its request rebuilds exactly the stale partition, and that backfill's report leaves nothing stale.
        var fixedRun = await BackfillAsync(fix.GetProperty("request"));
        Assert.Equal((BackfillStatus.Completed, 1), (fixedRun.Status, fixedRun.Counts.Succeeded));
        var (_, fixedReport) = await GetAsync($"api/backfills/{fixedRun.Id}/report");
        Assert.Equal(
            [("features_v1", last.ToString(), stale.GetProperty("commitId").GetString())],
            fixedReport.GetProperty("published").EnumerateArray().Select(p => (p.GetProperty("dataset").GetString(), p.GetProperty("date").GetString(), p.GetProperty("previousCommitId").GetString())));
        Assert.Equal(0, fixedReport.GetProperty("stale").GetArrayLength());

        // Bad context days are 400 naming the field; an unknown backfill is 404.
        var (badStatus, bad) = await GetAsync($"api/backfills/{repairId}/report?from=2025-03-32");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.True(bad.GetProperty("errors").TryGetProperty("from", out _), bad.ToString());
        var (wideStatus, wide) = await GetAsync($"api/backfills/{repairId}/report?from=2024-01-01&to=2025-03-31");
        Assert.Equal(HttpStatusCode.BadRequest, wideStatus);
        Assert.True(wide.GetProperty("errors").TryGetProperty("to", out _), wide.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("api/backfills/bf-none/report")).Status);

        using var rollback = await Host.Http.PostAsJsonAsync("api/pointers/features/rollback", new { }, Cancel);
        var accepted = (await rollback.Content.ReadFromJsonAsync<PointerOperationStatus>(ApiJson.Options, Cancel))!;
        Assert.Equal(HttpStatusCode.Accepted, rollback.StatusCode);
        Assert.Equal(accepted.StatusUri, rollback.Headers.Location!.ToString());
        var status = await HostPoll.UntilAsync(
            () => Host,
            $"rollback {accepted.StatusUri} ended",
            async () => (await Host.Http.GetFromJsonAsync<PointerOperationStatus>(accepted.StatusUri, ApiJson.Options, Cancel))!,
            s => s.RuntimeStatus is not ("Pending" or "Running"));

        // Nothing to roll back to: refused by the entity, and the pointer stays at sequence 0.
        Assert.Equal(FlipOutcomeKind.Conflict, status.Outcome!.Kind);
        Assert.Contains("no previous version", status.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await PointerAsync()).Sequence);
    }
}
