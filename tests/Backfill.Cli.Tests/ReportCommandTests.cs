using System.Net;
using System.Text.Json;
using Backfill.Testing;

namespace Backfill.Cli.Tests;

/// <summary>
/// <c>backfill report</c> against a real loopback HTTP server that plays the API: the request the CLI sends, the
/// published partitions with their deltas, the unchanged proof, the stale downstream with its repair command,
/// <c>--json</c>, and a backfill still running.
/// </summary>
public sealed class ReportCommandTests
{
    private const string Report = """
        {"id":"bf-7","status":"Completed","target":"features_v1","partitions":"2025-01-10..2025-01-14","startedAt":"2025-02-01T10:00:00+00:00",
         "from":"2025-01-01","to":"2025-01-31",
         "summary":{"published":2,"unchanged":29,"changedSinceStart":1,"missing":0,"stale":1},
         "published":[
           {"dataset":"features_v1","date":"2025-01-10","commitId":"c2","previousCommitId":"c1","before":"previous","rowsBefore":410,"rowsAfter":412,"writeMode":"overwrite",
            "changes":{"added":2,"removed":0,"modified":37,"changed":39},
            "meanShifts":[{"feature":"purchases_7d","meanBefore":1.5,"meanAfter":1.75,"shift":0.25},{"feature":"amount_7d","meanBefore":20,"meanAfter":26.5,"shift":6.5},{"feature":"views_7d","meanBefore":3,"meanAfter":3,"shift":0}],
            "liveCommitId":"c2"},
           {"dataset":"features_v1","date":"2025-01-11","commitId":"c4","previousCommitId":null,"before":"new","rowsBefore":null,"rowsAfter":300,"writeMode":"overwrite",
            "changes":{"added":300,"removed":0,"modified":0,"changed":300},"meanShifts":[],"liveCommitId":"c4"}],
         "untouched":[
           {"dataset":"features_v1","date":"2025-01-01","verdict":"unchanged","commitId":"c0","etag":"\"0x1\"","lastModified":"2025-01-30T00:00:00+00:00","publishedAt":"2025-01-30T00:00:00+00:00","runId":"bf-1"},
           {"dataset":"features_v1","date":"2025-01-20","verdict":"changedSinceStart","commitId":"c9","etag":"\"0x9\"","lastModified":"2025-02-01T10:05:00+00:00","publishedAt":"2025-02-01T10:05:00+00:00","runId":"daily-2025-02-01"}],
         "stale":[{"dataset":"features_v1","date":"2025-01-15","commitId":"c5","reason":"staging/2025-01-14 read s1, live is s2"}],
         "repairs":[{"target":"features_v1","stale":1,"request":{"partitions":"2025-01-15..2025-01-15","target":"features_v1","reprocess":"stale"},
                     "command":"backfill repair --stale --from 2025-01-15 --to 2025-01-15 --target features_v1"}]}
        """;

    [Fact]
    public async Task Report_FinishedBackfill_ShowsDeltasProofStaleAndTheRepairCommand()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, Report));

        var run = await CliRun.RunAsync("report", "bf-7", "--from", "2025-01-01", "--to", "2025-01-31", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("GET", "/api/backfills/bf-7/report?from=2025-01-01&to=2025-01-31"), (request.Method, request.PathAndQuery));
        // The console wraps long lines; the words matter, not where the line breaks.
        var said = string.Join(' ', run.Output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("410 → 412", said, StringComparison.Ordinal);
        Assert.Contains("│ 39 │", said, StringComparison.Ordinal);
        Assert.Contains("amount_7d +6.5, purchases_7d +0.25", said, StringComparison.Ordinal);
        Assert.DoesNotContain("views_7d", said, StringComparison.Ordinal);
        Assert.Contains("new → 300", said, StringComparison.Ordinal);
        Assert.Contains("29 unchanged", said, StringComparison.Ordinal);
        Assert.Contains("features_v1/2025-01-20 by daily-2025-02-01", said, StringComparison.Ordinal);
        Assert.Contains("stale features_v1/2025-01-15: staging/2025-01-14 read s1, live is s2", said, StringComparison.Ordinal);
        Assert.Contains("repair with: backfill repair --stale --from 2025-01-15 --to 2025-01-15 --target features_v1", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Json_PrintsTheApisAnswer()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, Report));

        var run = await CliRun.RunAsync("report", "bf-7", "--json", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        Assert.Equal("/api/backfills/bf-7/report", Assert.Single(api.Requests).PathAndQuery);
        var printed = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(29, printed.GetProperty("summary").GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Report_StillRunning_ExitsFailedAndSaysSo()
    {
        const string Detail = "Backfill 'bf-7' is still running (Running); its report is ready once it finishes.";
        using var api = ApiStandIn.Start(new ApiStandInAnswer((int)HttpStatusCode.Conflict, JsonSerializer.Serialize(new { title = "Conflict.", status = 409, detail = Detail })));

        var run = await CliRun.RunAsync("report", "bf-7", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Failed, run.Output + run.Errors);
        var said = string.Join(' ', run.Errors.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Detail, said, StringComparison.Ordinal);
    }
}
