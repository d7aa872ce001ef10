using System.Text.Json;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>The `backfill` CLI against a running local host, only through the HTTP API.</summary>
public sealed class CliEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalHostProcess? _host;

    private string Api => _host!.BaseAddress.ToString();

    public async ValueTask InitializeAsync() => _host = await LocalHostProcess.StartAsync(new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["TaskHubName"] = "c" + Guid.NewGuid().ToString("N")[..12],
    });

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
        Assert.Contains("items: items must be between 1 and 1000; got 0.", run.Errors.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }
}
