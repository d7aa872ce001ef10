using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// <c>backfill demo</c> on a small volume against a real local host with its own lake, then the read commands
/// over what it built, then the demo again: the whole story through the CLI, and proof that re-running it is safe.
/// </summary>
public sealed class DemoEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // The demo's own default is 90 days. The suite runs 12 (90 would add many minutes to CI); the explicit test runs
    // the default. The late-data check covers every day landed in both.
    private const int SmallDays = 12;
    private const int DefaultDays = 90;

    private readonly Dictionary<string, string> _settings = LocalHostProcess.OwnLake(azurite.ConnectionString, "demo");
    private LocalHostProcess? _host;

    private string Api => _host!.BaseAddress.ToString();

    public async ValueTask InitializeAsync() => _host = await LocalHostProcess.StartAsync(_settings);

    public async ValueTask DisposeAsync() => await _host!.DisposeAsync();

    [Fact]
    public Task Demo_SmallVolume_FillsBothVersionsRunsDailyFlipsAndIsSafeToRerun() => DemoAsync(SmallDays);

    /// <summary>The demo's default length: late-data metrics for all 90 days equal the landing files' counts.</summary>
    [Fact(Explicit = true)]
    public Task Demo_DefaultNinetyDays_FillsBothVersionsAndRecordsLateDataOfEveryDay() => DemoAsync(DefaultDays);

    /// <summary>
    /// The impact estimate's error on the demo's data (2,000 events a day): a 30-day backfill of every layer builds the
    /// lineage history, then two more 30-day backfills are each dry-run (the estimate) and run (the actual: the
    /// orchestration's creation to its last update). Figures only, written to the test output for the README: no timing
    /// is asserted.
    /// </summary>
    [Fact(Explicit = true)]
    public async Task Estimate_ThirtyDayBackfillsOnDemoData_ReportsEstimateAgainstActual()
    {
        var seeded = await CliRun.RunAsync("seed-data", "--api", Api, "--from", "2025-01-01", "--to", "2025-03-31", "--events-per-day", "2000", "--json");
        Assert.True(seeded.ExitCode == 0, seeded.Output + seeded.Errors);
        var history = await BackfillApi.WaitAsync(
            _host!, await BackfillApi.StartAsync(_host!, new { partitions = "2025-01-01..2025-01-30", target = "features_v1", maxParallel = 3 }), timeout: TimeSpan.FromMinutes(30));
        Assert.Equal(Workflows.Models.BackfillStatus.Completed, history.Status);
        Report($"history: 2025-01-01..2025-01-30, 90 items at max parallel 3 took {(history.UpdatedAt - history.CreatedAt).TotalSeconds:0.0} s");

        foreach (var (partitions, maxParallel) in new[] { ("2025-01-31..2025-03-01", 3), ("2025-03-02..2025-03-31", 6) })
        {
            var (status, body) = await BackfillApi.PostAsync(_host!, "api/backfills", new { partitions, target = "features_v1", maxParallel, dryRun = true });
            Assert.True(status == System.Net.HttpStatusCode.OK, body);
            var estimate = JsonSerializer.Deserialize<Workflows.Api.DryRunView>(body, Workflows.Json.ApiJson.Options)!.Estimate;
            var run = await BackfillApi.WaitAsync(
                _host!, await BackfillApi.StartAsync(_host!, new { partitions, target = "features_v1", maxParallel }), timeout: TimeSpan.FromMinutes(30));
            Assert.Equal(Workflows.Models.BackfillStatus.Completed, run.Status);
            var actual = (run.UpdatedAt - run.CreatedAt).TotalSeconds;
            var layers = string.Join("; ", estimate.Layers.Select(l => $"{l.Layer} median {l.MedianItemMilliseconds} ms (N={l.DurationSamples})"));
            Report(estimate.DurationSeconds is { } expected
                ? $"{partitions} at max parallel {maxParallel}: estimate {expected:0.0} s, actual {actual:0.0} s, error {(actual - expected) / expected:+0%;-0%} ({layers}; overhead {estimate.ItemOverheadMilliseconds} ms)"
                : $"{partitions} at max parallel {maxParallel}: no estimate ({estimate.NoDurationReason}), actual {actual:0.0} s");
        }
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper!.WriteLine(line);
        Console.WriteLine(line);
    }

    private async Task DemoAsync(int demoDays)
    {
        string[] demo = ["demo", "--api", Api, "--exit", "--days", demoDays.ToString(CultureInfo.InvariantCulture), "--daily-runs", "2", "--events-per-day", "300", "--no-progress"];
        var first = await CliRun.RunAsync(demo);

        Assert.True(first.ExitCode == 0, first.Output + first.Errors);
        Assert.Contains("using the host at", first.Output, StringComparison.Ordinal);
        Assert.Contains("daily-2025-04-01: ok", first.Output, StringComparison.Ordinal);
        Assert.Contains("daily-2025-04-02: ok", first.Output, StringComparison.Ordinal);
        Assert.Contains("features → features_v2 (sequence 1)", first.Output, StringComparison.Ordinal);
        Assert.Contains("api/dashboard", first.Output, StringComparison.Ordinal);

        // What the demo built, through the read commands.
        var pointer = Json(await CliRun.RunAsync("pointer", "get", "--api", Api, "--json"));
        Assert.Equal(("features_v2", 1), (pointer.GetProperty("current").GetString(), pointer.GetProperty("sequence").GetInt32()));
        foreach (var dataset in new[] { "raw", "staging", "features_v1", "features_v2" })
        {
            var partitions = Json(await CliRun.RunAsync("partitions", dataset, "--api", Api, "--from", "2025-03-20", "--to", "2025-03-31", "--json"));
            Assert.All(partitions.GetProperty("days").EnumerateArray(), d => Assert.Equal("committed", d.GetProperty("state").GetString()));
        }

        var read = await CliRun.RunAsync("read", "--date", "2025-03-31", "--limit", "3", "--api", Api);
        Assert.Equal(0, read.ExitCode);
        Assert.Contains("features → features_v2 2025-03-31", read.Output, StringComparison.Ordinal);
        var watermark = Json(await CliRun.RunAsync("daily", "watermark", "--api", Api, "--json"));
        Assert.Equal("2025-03-31", watermark.GetProperty("watermark").GetString());
        await AssertLateDataOfEveryDayAsync(demoDays);

        // The local host's Prometheus endpoint counts the work the demo did.
        var metrics = await _host!.Http.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        var items = metrics.Split('\n').Where(line => line.StartsWith("backfill_items_total{", StringComparison.Ordinal))
            .Sum(line => double.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(items > 0, metrics);
        // The daily runs (before the flip, of features_v1) committed up to the scheduled watermark: no lag.
        var lag = metrics.Split('\n').Where(line =>
            line.StartsWith("backfill_watermark_lag", StringComparison.Ordinal) && line.Contains("backfill_dataset=\"features_v1\"", StringComparison.Ordinal)).ToList();
        Assert.True(lag.Count == 1, metrics);
        Assert.Equal("0", lag[0].Split(' ')[1]);
        var alerts = Json(await CliRun.RunAsync("alerts", "--api", Api, "--json"));
        Assert.Contains(alerts.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "pointer_flip");

        var again = await CliRun.RunAsync(demo);
        Assert.True(again.ExitCode == 0, again.Output + again.Errors);
        Assert.Contains("already on features_v2 (sequence 1)", again.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every day the demo landed has late-data metrics (those the backfill built first as well as the two the daily
    /// runs did), and each day's figures equal counts taken here from the landing files as of that day's pinned
    /// processing time.
    /// </summary>
    private async Task AssertLateDataOfEveryDayAsync(int demoDays)
    {
        var first = new DateOnly(2025, 3, 31).AddDays(1 - demoDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var late = Json(await CliRun.RunAsync("late-data", "--api", Api, "--from", first, "--to", "2025-03-31", "--json"));
        var days = late.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(demoDays, days.Count);
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(_settings["Lake:ContainerName"]);
        var landing = await LandedDayCounts.ReadLandingAsync(container);
        var maxLateness = Core.Landing.LatenessDistribution.Default.MaxLateness;
        var mismatches = new List<string>();
        foreach (var day in days)
        {
            var date = day.GetProperty("date").GetString()!;
            Assert.True(day.GetProperty("includedAtFirstProcessing").GetInt64() > 0, date);
            var processedAt = day.GetProperty("lastProcessedAt").GetDateTimeOffset();
            var expected = LandedDayCounts.Of(landing, DateOnly.Parse(date, CultureInfo.InvariantCulture), processedAt.UtcDateTime, maxLateness);
            var actual = new LandedDayCounts(
                day.GetProperty("onTime").GetInt64(), day.GetProperty("late0To24h").GetInt64(), day.GetProperty("late24To48h").GetInt64(),
                day.GetProperty("lateOver48h").GetInt64(), day.GetProperty("duplicates").GetInt64(), day.GetProperty("malformed").GetInt64());
            if (expected != actual)
            {
                mismatches.Add($"{date} as of {processedAt:O}: expected {expected}, got {actual}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        Assert.Contains(days, d => d.GetProperty("late24To48h").GetInt64() > 0);
    }

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        return JsonDocument.Parse(run.Output).RootElement;
    }
}
