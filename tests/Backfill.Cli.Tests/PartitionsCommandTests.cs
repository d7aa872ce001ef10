using System.Text.Json;
using Backfill.Testing;

namespace Backfill.Cli.Tests;

/// <summary>
/// <c>backfill partitions</c> and <c>backfill partitions rollback</c> against a real loopback HTTP server that plays
/// the API: the request the CLI sends, how it shows the answer, and the documented exit code of each failure.
/// </summary>
public sealed class PartitionsCommandTests
{
    private const string RolledBack = """
        {"dataset":"raw","date":"2025-01-10","commitId":"c-old","rolledBack":["c-new"],"runId":"rollback-1"}
        """;

    [Fact]
    public async Task Rollback_Accepted_PostsToCommitAndNamesTheLiveAndRolledBackCommits()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, RolledBack));

        var run = await CliRun.RunAsync("partitions", "rollback", "raw", "2025-01-10", "--to-commit", "c-old", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("POST", "/api/partitions/raw/2025-01-10/rollback"), (request.Method, request.PathAndQuery));
        Assert.Equal("c-old", JsonDocument.Parse(request.Body).RootElement.GetProperty("toCommit").GetString());
        Assert.Contains("commit c-old is live again", run.Output, StringComparison.Ordinal);
        Assert.Contains("rolled back c-new", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(409, "Conflict", "Commit c-old is already live in raw/2025-01-10.", ExitCodes.Failed)]
    [InlineData(404, "Not found", "toCommit 'c-old' is not a previous commit raw/2025-01-10 remembers.", ExitCodes.Failed)]
    [InlineData(400, "Invalid request", "date must be a day as YYYY-MM-DD.", ExitCodes.Usage)]
    [InlineData(503, "Storage unavailable", "Storage (blob) did not answer.", ExitCodes.StorageUnavailable)]
    public async Task Rollback_Refused_ExitsWithItsCodeAndSaysWhy(int status, string title, string detail, int exitCode)
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(status, JsonSerializer.Serialize(new { title, status, detail })));

        var run = await CliRun.RunAsync("partitions", "rollback", "raw", "2025-01-10", "--to-commit", "c-old", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == exitCode, run.Output + run.Errors);
        // The console wraps long lines; the words matter, not where the line breaks.
        var said = string.Join(' ', run.Errors.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(detail, said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partitions_WithARollbackSubcommand_StillShowsTheDatasetsDays()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, """
            {"dataset":"raw","from":"2025-01-10","to":"2025-01-10","days":[{"date":"2025-01-10","state":"committed","rows":300,"commitId":"c-new","validation":[]}]}
            """));

        var run = await CliRun.RunAsync("partitions", "raw", "--from", "2025-01-10", "--to", "2025-01-10", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        Assert.Equal("/api/partitions/raw?from=2025-01-10&to=2025-01-10", Assert.Single(api.Requests).PathAndQuery);
        Assert.Contains("1 committed", run.Output, StringComparison.Ordinal);
    }
}
