using Backfill.Testing;

namespace Backfill.Cli.Tests.Testing;

/// <summary>
/// The shared wait of every test project (Backfill.Testing has no test project of its own; this one references it and
/// needs no emulator). The short deadlines here bound only how long a failing wait takes; no assert reads a clock.
/// </summary>
public sealed class EventuallyTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Often = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task UntilAsync_StateReachedAfterSomeProbes_ReturnsTheFirstValueThatHolds()
    {
        var probes = 0;

        var value = await Eventually.UntilAsync("the third probe", _ => Task.FromResult(++probes), n => n >= 3, interval: Often);

        Assert.Equal((3, 3), (value, probes));
    }

    [Fact]
    public async Task UntilAsync_StateNeverReached_ThrowsNamingTheWaitAndTheLastValueSeen()
    {
        var probes = 0;

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.UntilAsync("backfill bf-1 completed", _ => Task.FromResult(new { Probe = ++probes, Status = "Running" }), s => s.Status == "Completed", Short, Often));

        Assert.StartsWith($"Timed out after {Short} waiting for backfill bf-1 completed. Last observed: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"{{\"Probe\":{probes},\"Status\":\"Running\"}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntilAsync_TupleStateNeverReached_NamesItsItems()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.UntilAsync("a 202", _ => Task.FromResult((Status: 503, Body: "retry")), answer => answer.Status == 202, Short, Often));

        Assert.EndsWith("Last observed: {\"Item1\":503,\"Item2\":\"retry\"}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntilAsync_ConditionNeverTrue_ThrowsWithDescriptionAndDiagnostics()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.UntilAsync("a flag nobody sets", _ => Task.FromResult(false), held => held, Short, Often, diagnostics: () => "host output: idle"));

        Assert.Contains("waiting for a flag nobody sets. Last observed: false", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine + "host output: idle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntilAsync_BoolConditionBecomesTrue_Returns()
    {
        var probes = 0;

        await Eventually.UntilAsync("the second probe", () => ++probes == 2, interval: Often);

        Assert.Equal(2, probes);
    }

    [Fact]
    public async Task UntilAsync_ProbeThrowsARetriedError_PollsOnAndReportsTheErrorLast()
    {
        var probes = 0;
        Task<int> Flaky(CancellationToken _) => ++probes < 3 ? throw new HttpRequestException("host restarting") : Task.FromResult(probes);

        var recovered = await Eventually.UntilAsync("a host answering", Flaky, _ => true, interval: Often, retryOn: e => e is HttpRequestException);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.UntilAsync(
            "a host that never answers", _ => Task.FromException<int>(new HttpRequestException("connection refused")), _ => true, Short, Often,
            retryOn: e => e is HttpRequestException));

        Assert.Equal(3, recovered);
        Assert.EndsWith("Last observed: HttpRequestException: connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntilAsync_ProbeThrowsAnotherError_PropagatesItAtOnce()
    {
        var probes = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Eventually.UntilAsync(
            "a probe that breaks", _ => ++probes == 1 ? throw new InvalidOperationException("broken") : Task.FromResult(probes), _ => true,
            interval: Often, retryOn: e => e is HttpRequestException));

        Assert.Equal(1, probes);
    }

    [Fact]
    public async Task UntilAsync_NoDescription_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Eventually.UntilAsync(" ", () => true));
    }
}
