using System.Text.Json;
using Backfill.Testing;

namespace Backfill.Cli.Tests;

/// <summary>
/// <c>backfill repair --stale</c> and <c>--reprocess</c> against a loopback stand-in for the API: the request each sends, the plan
/// it shows, and what it says when nothing is stale.
/// </summary>
public sealed class RepairCommandTests
{
    private const string Plan = """
        {"request":{},"codeVersion":"1.0","counts":{"run":2,"skip":1,"blocked":0},"waves":2,"items":[
          {"layer":"staging","date":"2025-01-10","action":"run","reason":"stale: an input changed since it was built","wave":1},
          {"layer":"features","date":"2025-01-11","action":"run","reason":"reads staging/2025-01-10, which is rebuilt","wave":2},
          {"layer":"raw","date":"2025-01-10","action":"skip","reason":"reprocess stale: raw/2025-01-10 is committed","wave":0}],
         "estimate":{"maxParallel":3,"durationSeconds":12.4,"noDurationReason":null,"itemOverheadMilliseconds":300,"method":"duration: replayed on a virtual clock",
           "layers":[{"layer":"staging","dataset":"staging","partitions":1,"inputBytes":2048,"bytesToWrite":1536,"unsizedPartitions":0,"medianItemMilliseconds":420,"durationSamples":50}]}}
        """;

    [Fact]
    public async Task Repair_StaleDryRunWithTarget_PlansReprocessStaleOverTheRangeAndShowsEachReason()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, Plan));

        var run = await CliRun.RunAsync("repair", "--stale", "--from", "2025-01-10", "--to", "2025-01-11", "--target", "features_v2", "--dry-run", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("POST", "/api/backfills"), (request.Method, request.PathAndQuery));
        Assert.Equal(
            """{"partitions":"2025-01-10..2025-01-11","target":"features_v2","reprocess":"stale","dryRun":true}""",
            JsonSerializer.Serialize(JsonDocument.Parse(request.Body).RootElement));
        var said = Words(run.Output.Replace('│', ' '));
        Assert.Contains("stale: an input changed since it was built", said, StringComparison.Ordinal);
        Assert.Contains("run 2, skip 1, blocked 0; 2 waves", said, StringComparison.Ordinal);
        Assert.Contains("estimate at max parallel 3: 00:00:12", said, StringComparison.Ordinal);
        Assert.Contains("staging staging 1 2.0 KiB 1.5 KiB 420 ms 50", said, StringComparison.Ordinal);
        Assert.Contains("duration: replayed on a virtual clock", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repair_NoTarget_RepairsTheVersionThePointerNamesAndStartsIt()
    {
        using var api = ApiStandIn.Start(
            new ApiStandInAnswer(200, """{"name":"features","current":"features_v1","sequence":3,"history":[]}"""),
            new ApiStandInAnswer(202, """{"id":"bf-9","statusUri":"http://h/api/backfills/bf-9","cancelUri":"http://h/api/backfills/bf-9/cancel","plannedItems":4}"""));

        var run = await CliRun.RunAsync("repair", "--stale", "--from", "2025-01-01", "--to", "2025-01-31", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        Assert.Equal(["GET /api/pointers/features", "POST /api/backfills"], api.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        var body = JsonDocument.Parse(api.Requests[1].Body).RootElement;
        Assert.Equal(("features_v1", "stale", "2025-01-01..2025-01-31"), (body.GetProperty("target").GetString(), body.GetProperty("reprocess").GetString(), body.GetProperty("partitions").GetString()));
        Assert.False(body.TryGetProperty("dryRun", out _));
        Assert.Contains("started bf-9 repairing 4 work items of features_v1", Words(run.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repair_NothingStale_SaysSoAndSucceeds()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(422, """{"title":"Unprocessable","status":422,"detail":"Nothing to reprocess.","reprocess":"stale"}"""));

        var run = await CliRun.RunAsync("repair", "--stale", "--from", "2025-01-01", "--to", "2025-01-02", "--target", "features_v2", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        Assert.Contains("nothing to repair: no partition of features_v2 in 2025-01-01..2025-01-02 is stale", Words(run.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repair_WithoutStale_IsAUsageErrorAndCallsNothing()
    {
        using var api = ApiStandIn.Start();

        var run = await CliRun.RunAsync("repair", "--from", "2025-01-01", "--to", "2025-01-02", "--api", api.Url);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("repair needs --stale", run.Output, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Plan_Reprocess_SendsTheModeAndShowsTheReasons()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, Plan));

        var run = await CliRun.RunAsync("plan", "--partitions", "2025-01-10..2025-01-11", "--target", "features_v2", "--reprocess", "failed", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        var body = JsonDocument.Parse(Assert.Single(api.Requests).Body).RootElement;
        Assert.Equal("failed", body.GetProperty("reprocess").GetString());
    }

    // The console is 80 columns wide and wraps lines: the words matter, not where the line breaks.
    private static string Words(string output) => string.Join(' ', output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
