using Backfill.Testing;

namespace Backfill.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task RunAsync_NonNumericOption_IsUsageErrorNamingTheOption()
    {
        var run = await CliRun.RunAsync("engine-check", "--items", "many");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--items", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ApiNotAUrl_IsUsageError()
    {
        var run = await CliRun.RunAsync("health", "--api", "ftp:/x");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("must be an absolute http(s) URL", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_IsUsageError()
    {
        var run = await CliRun.RunAsync("frobnicate");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("frobnicate", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NothingListening_IsUnreachableWithoutStackTrace()
    {
        // Port 1 on loopback: refused at once.
        var run = await CliRun.RunAsync("health", "--api", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("Cannot reach the Backfill API at http://127.0.0.1:1/", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
    }
}
