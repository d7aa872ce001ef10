using Backfill.Testing;

namespace Backfill.Cli.Tests;

/// <summary>
/// <c>backfill watch</c> against a real loopback HTTP server that plays the API: a storage blip (503) while the
/// backfill runs on must not end the watch.
/// </summary>
public sealed class BackfillWatchTests
{
    private const string Finished = """
        {"id":"bf-1","status":"Completed","request":{"target":"features_v1","partitions":"2025-01-01"},"maxParallel":1,
         "counts":{"total":3,"pending":0,"running":0,"succeeded":3,"skipped":0,"failed":0,"blocked":0,"waiting":0},
         "etaSeconds":null,"reason":null,"items":[]}
        """;

    private const string Unavailable = """
        {"type":"about:blank","title":"Storage unavailable","status":503,"detail":"Storage (durable task hub) did not answer.","service":"durable task hub"}
        """;

    [Fact]
    public async Task Watch_StorageUnavailableOnce_RetriesAndEndsWithTheBackfill()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(503, Unavailable), new ApiStandInAnswer(200, Finished));

        var run = await CliRun.RunAsync("watch", "bf-1", "--no-progress", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        Assert.Contains("storage unavailable, retrying", run.Output, StringComparison.Ordinal);
        Assert.Contains("Completed", run.Output, StringComparison.Ordinal);
    }
}
