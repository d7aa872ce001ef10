using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// <see cref="Eventually"/> over a local host's API. CI is a loaded 2-core machine where a run that takes one minute
/// here can take several, so deadlines are generous; past one the failure carries the last answer and the host's own
/// output, so a CI failure can be diagnosed from its log alone.
/// </summary>
internal static class HostPoll
{
    /// <summary>The default deadline of a wait for a run: below the CI hang guard (10 min per test).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(8);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static Task<T> UntilAsync<T>(Func<LocalHostProcess> host, string what, Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        Eventually.UntilAsync(
            what,
            _ => read(),
            done,
            timeout ?? DefaultTimeout,
            interval ?? Interval,
            // The host may be restarting, or the shared Azurite was too slow for one call (the API answers 503 and
            // says retry), or one call outlived the HTTP client's timeout on a loaded machine: the next poll may not.
            retryOn: e => e is HttpRequestException || (e is TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested),
            diagnostics: () => "The host's last output:" + Environment.NewLine + string.Join(Environment.NewLine, host().Output.Split(Environment.NewLine).TakeLast(200)));
}
