using Backfill.Testing;

namespace Backfill.Cli.Tests;

/// <summary>
/// <c>backfill status</c> against a loopback stand-in for the API: the attempt log of items that needed more than one attempt,
/// and one item expanded per bucket.
/// </summary>
public sealed class StatusCommandTests
{
    private const string Backfill = """
        {"id":"bf-1","status":"Completed","request":{"target":"features_v1","partitions":"2025-01-10"},"maxParallel":2,"etaSeconds":null,"reason":null,
         "counts":{"total":2,"pending":0,"running":0,"succeeded":2,"skipped":0,"failed":0,"blocked":0},
         "items":[
          {"layer":"raw","date":"2025-01-10","status":"succeeded","attempts":2,"rows":10,"durationMs":5,"error":null,"attemptLog":[
            {"attempt":1,"startedAt":"2025-01-11T08:00:00+00:00","finishedAt":"2025-01-11T08:00:01+00:00","outcome":"transient","error":"IOException: storage hiccup"},
            {"attempt":2,"startedAt":"2025-01-11T08:00:06+00:00","finishedAt":"2025-01-11T08:00:07+00:00","outcome":"succeeded","error":null}]},
          {"layer":"staging","date":"2025-01-10","status":"succeeded","attempts":1,"rows":10,"durationMs":5,"error":null,"attemptLog":[
            {"attempt":1,"startedAt":"2025-01-11T08:00:08+00:00","finishedAt":"2025-01-11T08:00:09+00:00","outcome":"succeeded","error":null}]}]}
        """;

    [Fact]
    public async Task Status_ItemRetried_ShowsEachAttemptOfThatItemOnly()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, Backfill));

        var run = await CliRun.RunAsync("status", "bf-1", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        // The console is 80 columns wide and wraps cells, so the test looks for each attempt's own values.
        Assert.Contains("attempt", run.Output, StringComparison.Ordinal);
        Assert.Contains("transient", run.Output, StringComparison.Ordinal);
        Assert.Contains("hiccup", run.Output, StringComparison.Ordinal);
        Assert.Equal(["08:00:00", "08:00:01", "08:00:06", "08:00:07"], TimesIn(run.Output));
    }

    [Fact]
    public async Task Status_ItemExpanded_AsksForThatItemAndShowsEachStepFailingTheCommandWhenTheDayFailed()
    {
        const string Expanded = """
            {"item":{"layer":"staging","date":"2025-01-10","status":"failed","attempts":1,"rows":0,"durationMs":5,"error":"bucket 1 of 2: validation failed: key_uniqueness; nothing was published"},
             "buckets":2,
             "steps":[
              {"step":"pin","bucket":null,"status":"succeeded","attempts":1,"rows":0,"durationMs":3,"error":null,"startedAt":"2025-01-11T08:00:00+00:00","finishedAt":"2025-01-11T08:00:01+00:00"},
              {"step":"bucket=000","bucket":0,"status":"succeeded","attempts":1,"rows":4321,"durationMs":9,"error":null,"startedAt":"2025-01-11T08:00:02+00:00","finishedAt":"2025-01-11T08:00:03+00:00"},
              {"step":"bucket=001","bucket":1,"status":"failed","attempts":1,"rows":0,"durationMs":9,"error":"bucket 1 of 2: validation failed: key_uniqueness","startedAt":"2025-01-11T08:00:02+00:00","finishedAt":"2025-01-11T08:00:04+00:00"},
              {"step":"publish","bucket":null,"status":"pending","attempts":0,"rows":0,"durationMs":0,"error":null,"startedAt":null,"finishedAt":null}]}
            """;
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, Expanded));

        var run = await CliRun.RunAsync("status", "bf-1", "--item", "staging/2025-01-10", "--api", api.Url);
        await api.Served;

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("/api/backfills/bf-1/items/staging/2025-01-10", Assert.Single(api.Requests).PathAndQuery);
        Assert.Contains("2 buckets", run.Output, StringComparison.Ordinal);
        Assert.Contains("4,321", run.Output, StringComparison.Ordinal);
        Assert.Contains("pending", run.Output, StringComparison.Ordinal);
        Assert.Equal(["08:00:01", "08:00:03", "08:00:04"], TimesIn(run.Output));
    }

    [Fact]
    public async Task Status_ItemNotLayerSlashDay_IsUsageErrorNamingTheOption()
    {
        var run = await CliRun.RunAsync("status", "bf-1", "--item", "staging-2025-01-10", "--api", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--item must be layer/YYYY-MM-DD", run.Output + run.Errors, StringComparison.Ordinal);
    }

    // Only the retried raw item's attempts are listed: the staging item succeeded at once (08:00:08..09).
    private static string[] TimesIn(string output) =>
        [.. System.Text.RegularExpressions.Regex.Matches(output, @"\d\d:\d\d:\d\d").Select(m => m.Value)];
}
