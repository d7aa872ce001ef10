using System.Text.Json;
using Backfill.Testing;

namespace Backfill.Cli.Tests;

/// <summary>
/// <c>backfill history</c> against a real loopback HTTP server that plays the API: the request the CLI sends, the
/// table (newest first) with each commit's state, the rejected commit's failed checks, <c>--json</c>, and exit codes.
/// </summary>
public sealed class HistoryCommandTests
{
    private static readonly string[] NewestFirst = ["rejected", "published", "superseded"];

    private const string History = """
        {"dataset":"staging","date":"2025-01-10","liveCommitId":"c2","total":3,"commits":[
          {"commitId":"c3","state":"rejected","runId":"bf-3","trigger":"backfill","codeVersion":"1.0","configHash":"cfg9","writeMode":"overwrite","rows":12,"contentHash":"h3",
           "validation":"fail","validationResults":[{"name":"row_count_trend","status":"fail","message":"12 rows, below the 100 allowed."},{"name":"null_rate","status":"pass","message":"ok"}],
           "inputs":[{"dataset":"raw","date":"2025-01-10","commitId":"r2","history":"http://h/api/partitions/raw/2025-01-10/history"}]},
          {"commitId":"c2","state":"published","runId":"bf-2","trigger":"backfill","codeVersion":"1.0","configHash":"cfg1","writeMode":"overwrite","rows":1300,"contentHash":"h2",
           "validation":"pass","validationResults":[{"name":"null_rate","status":"pass","message":"ok"}],"inputs":[],
           "buckets":[{"bucket":0,"rows":140,"bytes":900,"buildMs":5,"stageMs":2,"worker":"w1/10"},{"bucket":1,"rows":1160,"bytes":950,"buildMs":6,"stageMs":2,"worker":"w2/20"},
                      {"bucket":2,"rows":0,"bytes":0,"buildMs":1,"stageMs":1,"worker":"w1/10"}]},
          {"commitId":"c1","state":"superseded","runId":"bf-1","trigger":"daily","codeVersion":"1.0","configHash":"cfg1","writeMode":"merge","rows":250,"contentHash":"h1",
           "validation":"pass","validationResults":[],"inputs":[]}]}
        """;

    [Fact]
    public async Task History_Partition_GetsItsHistoryAndShowsEachCommitNewestFirst()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, History));

        var run = await CliRun.RunAsync("history", "staging", "2025-01-10", "--limit", "3", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("GET", "/api/partitions/staging/2025-01-10/history?limit=3"), (request.Method, request.PathAndQuery));
        var states = NewestFirst.Select(s => run.Output.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.True(states.All(i => i >= 0) && states.SequenceEqual(states.Order()), run.Output);
        // The console wraps long lines; the words matter, not where the line breaks.
        var said = string.Join(' ', run.Output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("c3 rejected", said, StringComparison.Ordinal);
        Assert.Contains("fail │ row_count_trend: 12 rows, below the 100 allowed.", said, StringComparison.Ordinal);
        Assert.DoesNotContain("null_rate: ok", said, StringComparison.Ordinal);
        Assert.Contains("input │ raw/2025-01-10@r2", said, StringComparison.Ordinal);
        Assert.Contains("buckets │ 3 on 2 worker(s), 0–1,160 rows each", said, StringComparison.Ordinal);
        Assert.Contains("staging/2025-01-10: 3 of 3 commit(s) shown, newest first; live c2", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_Json_PrintsTheApisAnswer()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, History));

        var run = await CliRun.RunAsync("history", "staging", "2025-01-10", "--json", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        Assert.Equal("/api/partitions/staging/2025-01-10/history", Assert.Single(api.Requests).PathAndQuery);
        var printed = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["c3", "c2", "c1"], printed.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("commitId").GetString()));
    }

    [Theory]
    [InlineData(404, "Not found", "staging/2025-01-10 has no commit: nothing has built it yet.", ExitCodes.Failed)]
    [InlineData(400, "The request is invalid.", "date must be a day as YYYY-MM-DD.", ExitCodes.Usage)]
    [InlineData(503, "Storage unavailable", "Storage (table) did not answer.", ExitCodes.StorageUnavailable)]
    public async Task History_Refused_ExitsWithItsCodeAndSaysWhy(int status, string title, string detail, int exitCode)
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(status, JsonSerializer.Serialize(new { title, status, detail })));

        var run = await CliRun.RunAsync("history", "staging", "2025-01-10", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == exitCode, run.Output + run.Errors);
        var said = string.Join(' ', run.Errors.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(detail, said, StringComparison.Ordinal);
    }
}
