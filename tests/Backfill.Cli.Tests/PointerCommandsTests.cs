using System.Text.Json;
using Backfill.Testing;

namespace Backfill.Cli.Tests;

/// <summary>
/// <c>backfill pointer flip</c> against a loopback stand-in for the API: the partition set goes out as
/// <c>partitions</c>, whether given as <c>--partitions</c> or as its deprecated alias <c>--range</c>, which warns.
/// </summary>
public sealed class PointerCommandsTests
{
    private const string Flipped = """{"name":"features","current":"features_v2","previous":"features_v1","sequence":1,"history":[]}""";

    [Theory]
    [InlineData("--partitions", false)]
    [InlineData("--range", true)]
    public async Task Flip_PartitionSet_IsSentAsPartitionsAndOnlyTheAliasWarns(string option, bool warns)
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, Flipped));

        var run = await CliRun.RunAsync(
            "pointer", "flip", "features", "--to", "features_v2", "--expected-current", "features_v1", option, "2025-01-01..2025-01-31", "--json", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("POST", "/api/pointers/features/flip"), (request.Method, request.PathAndQuery));
        Assert.Equal(
            """{"to":"features_v2","expectedCurrent":"features_v1","partitions":"2025-01-01..2025-01-31"}""",
            JsonSerializer.Serialize(JsonDocument.Parse(request.Body).RootElement));
        Assert.Equal(warns, run.Errors.Contains("--range is deprecated", StringComparison.Ordinal));
        Assert.Equal("features_v2", JsonDocument.Parse(run.Output).RootElement.GetProperty("current").GetString());
    }
}
