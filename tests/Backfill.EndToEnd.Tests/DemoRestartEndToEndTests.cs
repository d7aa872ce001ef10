using System.Diagnostics;
using System.Text.Json;
using Backfill.Azurite;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// <c>backfill demo --exit</c> as a user runs it, with no host up: the demo starts the local host (with its own Azurite
/// on disk) and stops it at the end. A restart on the same data finds the pointer and alerts as the demo left them:
/// the stop was graceful all the way down, so Azurite saved its last metadata.
/// </summary>
public sealed class DemoRestartEndToEndTests
{
    [Fact]
    public async Task DemoExit_ThenRestart_PointerAndAlertsAreAsTheDemoLeftThem()
    {
        var data = Directory.CreateTempSubdirectory("demo-azurite-").FullName;
        var api = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";

        var (exitCode, output) = await RunCliAsync(data, "demo", "--api", api, "--exit", "--days", "7", "--daily-runs", "1", "--events-per-day", "100", "--no-progress");

        Assert.True(exitCode == 0, output);
        Assert.Contains("starting the local host", output, StringComparison.Ordinal);
        Assert.Contains("features → features_v2 (sequence 1)", output, StringComparison.Ordinal);

        await using var host = await LocalHostProcess.StartAsync(new Dictionary<string, string> { ["Azurite:Location"] = data });
        var pointer = await host.ReadJsonAsync<JsonElement>("api/pointers/features");
        Assert.Equal(("features_v2", 1), (pointer.GetProperty("current").GetString(), pointer.GetProperty("sequence").GetInt32()));
        var alerts = await host.ReadJsonAsync<JsonElement>("api/alerts");
        Assert.Contains(alerts.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "pointer_flip");
    }

    /// <summary>The built CLI as its own process; its host (started by <c>dotnet run</c>) keeps Azurite's data in <paramref name="data"/>.</summary>
    private static async Task<(int ExitCode, string Output)> RunCliAsync(string data, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Combine("."),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryPaths.Combine($"src/Backfill.Cli/bin/{DotNetCli.Configuration}/net10.0/backfill.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Azurite__Location"] = data;
        start.Environment.Remove("AzureWebJobsStorage");
        // Tests drive the daily run themselves; the host's timer must not add a run.
        start.Environment["Daily__TimerEnabled"] = "false";
        start.Environment["Storage__ApiCallTimeout"] = AzuriteFixture.SlowCallTimeout;
        using var cli = Process.Start(start)!;
        var stdout = cli.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = cli.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await cli.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (cli.ExitCode, await stdout + await stderr);
    }
}
