using Backfill.Testing;

namespace Backfill.Cli.Tests;

/// <summary>
/// <c>backfill demo</c> against a loopback stand-in for the API: a host that answers, even unhealthy for a moment, is
/// waited for and used; the demo starts its own host only when nothing answers.
/// </summary>
public sealed class DemoCommandTests
{
    private const string Health = """{"status":"STATUS","codeVersion":"1.0","engine":{"kind":"local","taskHub":"backfill","running":true},"storage":[]}""";

    [Fact]
    public async Task Demo_HostAnswersUnhealthy_WaitsForItAndStartsNoSecondHost()
    {
        using var api = ApiStandIn.Start(
            new ApiStandInAnswer(503, Health.Replace("STATUS", "unhealthy", StringComparison.Ordinal)),
            new ApiStandInAnswer(200, Health.Replace("STATUS", "healthy", StringComparison.Ordinal)),
            new ApiStandInAnswer(400, """{"title":"One or more validation errors occurred.","status":400,"errors":{"from":["stop here"]}}"""));

        var run = await CliRun.RunAsync("demo", "--api", api.Url, "--exit", "--no-progress");
        await api.Served;

        Assert.Equal(["GET /api/health", "GET /api/health", "POST /api/seed-data"], api.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        // The console wraps long lines: compare the words.
        var said = string.Join(' ', run.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("answers unhealthy: waiting for it to be healthy", said, StringComparison.Ordinal);
        Assert.Contains($"using the host at {api.Url}", said, StringComparison.Ordinal);
        Assert.DoesNotContain("no host at", said, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }
}
