using System.Text.Json;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// <c>backfill demo</c> on a small volume against a real local host with its own lake, then the read commands
/// over what it built, then the demo again: the whole story through the CLI, and proof that re-running it is safe.
/// </summary>
public sealed class DemoEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalHostProcess? _host;

    private string Api => _host!.BaseAddress.ToString();

    public async ValueTask InitializeAsync() => _host = await LocalHostProcess.StartAsync(LocalHostProcess.OwnLake(azurite.ConnectionString, "demo"));

    public async ValueTask DisposeAsync() => await _host!.DisposeAsync();

    [Fact]
    public async Task Demo_SmallVolume_FillsBothVersionsRunsDailyFlipsAndIsSafeToRerun()
    {
        string[] demo = ["demo", "--api", Api, "--exit", "--days", "12", "--daily-runs", "2", "--events-per-day", "300", "--no-progress"];
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
        // Every day has late-arrival metrics: the ten the backfill built first as well as the two the daily runs did.
        var late = Json(await CliRun.RunAsync("late-data", "--api", Api, "--from", "2025-03-20", "--to", "2025-03-31", "--json"));
        Assert.Equal(12, late.GetProperty("days").GetArrayLength());
        Assert.All(late.GetProperty("days").EnumerateArray(), d => Assert.True(d.GetProperty("includedAtFirstProcessing").GetInt64() > 0));

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

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        return JsonDocument.Parse(run.Output).RootElement;
    }
}
