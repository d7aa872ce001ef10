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

    [Theory]
    [InlineData("read --dataset features", "--date")]
    [InlineData("daily run --as-of yesterday", "--as-of")]
    [InlineData("pointer flip features", "--to")]
    [InlineData("pointer rollback features --expected-sequence one", "--expected-sequence")]
    [InlineData("set-parallel bf-1 many", "max-parallel")]
    [InlineData("partitions rollback raw 2025-01-10", "--to-commit")]
    [InlineData("history raw 2025-01-10 --limit many", "--limit")]
    [InlineData("demo --days 3", "--days must be between 7 and 365")]
    [InlineData("demo --daily-runs 0", "--daily-runs must be between 1 and 30")]
    public async Task RunAsync_BadOrMissingOption_IsUsageErrorNamingIt(string args, string named)
    {
        var run = await CliRun.RunAsync(args.Split(' '));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(named, run.Errors, StringComparison.Ordinal);
    }
}
