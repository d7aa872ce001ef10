using System.Text.Json;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>The `backfill` CLI against a running local host, only through the HTTP API.</summary>
public sealed class CliEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalHostProcess? _host;

    private string Api => _host!.BaseAddress.ToString();

    // Its own lake: the validation test lands June 2024 in the shared one, and the two run in parallel.
    public async ValueTask InitializeAsync() => _host = await LocalHostProcess.StartAsync(LocalHostProcess.OwnLake(azurite.ConnectionString, "cli"));

    public async ValueTask DisposeAsync() => await _host!.DisposeAsync();

    [Fact]
    public async Task Health_RunningHost_ExitsZeroAndShowsEngine()
    {
        var run = await CliRun.RunAsync("health", "--api", Api);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("healthy", run.Output, StringComparison.Ordinal);
        Assert.Contains("durable-task-azure-storage", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EngineCheck_SmallRun_PassesVerdictAndJsonIsTheApiShape()
    {
        var table = await CliRun.RunAsync("engine-check", "--api", Api, "--items", "6", "--max-parallel", "2", "--work-ms", "200");
        var json = await CliRun.RunAsync("engine-check", "--api", Api, "--items", "3", "--max-parallel", "3", "--work-ms", "0", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("every item ran once, the cap held", table.Output, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal("Completed", document.RootElement.GetProperty("runtimeStatus").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("result").GetProperty("tallyCompleted").GetInt32());
    }

    [Fact]
    public async Task EngineCheck_RejectedByApi_ShowsProblemFieldAndExitsUsage()
    {
        var run = await CliRun.RunAsync("engine-check", "--api", Api, "--items", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("items: items must be between 1 and 1000; got 0.", Unwrapped(run.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_SeedPlanStartWatch_RunsTheSeedShapedCommandEndToEnd()
    {
        var seed = await CliRun.RunAsync("seed-data", "--api", Api, "--from", "2024-06-01", "--to", "2024-06-05", "--events-per-day", "300");
        var plan = await CliRun.RunAsync("plan", "--api", Api, "--partitions", "2024-06-01..2024-06-05", "--target", "features_v1");
        var start = await CliRun.RunAsync("--api", Api, "--partitions", "2024-06-01..2024-06-05", "--max-parallel", "16", "--write-mode", "overwrite", "--target", "features_v1", "--json");
        var id = JsonDocument.Parse(start.Output).RootElement.GetProperty("id").GetString()!;
        var watch = await CliRun.RunAsync("watch", id, "--api", Api);
        var status = await CliRun.RunAsync("status", id, "--api", Api, "--json");
        var shown = await CliRun.RunAsync("status", id, "--api", Api);

        Assert.True((seed.ExitCode, plan.ExitCode, start.ExitCode, watch.ExitCode) == (0, 0, 0, 0), seed.Output + plan.Output + start.Output + watch.Output + shown.Output);
        Assert.Contains("landed 5 days 2024-06-01..2024-06-05", seed.Output, StringComparison.Ordinal);
        Assert.Contains("run 15, skip 0, blocked 0", plan.Output, StringComparison.Ordinal);
        Assert.Contains("Completed", watch.Output, StringComparison.Ordinal);
        Assert.Equal(15, JsonDocument.Parse(status.Output).RootElement.GetProperty("counts").GetProperty("succeeded").GetInt32());
        Assert.Contains("max parallel 16, running 13: activity budget 16 with 3 reserved for the daily run", Unwrapped(shown.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_BadTarget_ShowsTheApisFieldErrorAndExitsUsage()
    {
        var run = await CliRun.RunAsync("--api", Api, "--partitions", "2024-06-01", "--target", "features_v9");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("target: 'features_v9' is not a feature version", Unwrapped(run.Errors), StringComparison.Ordinal);
    }

    // The console wraps long lines at its width; compare the text, not the layout.
    private static string Unwrapped(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
