namespace Backfill.EndToEnd.Tests;

/// <summary>
/// Polls a local host's API until a condition holds. CI is a loaded 2-core machine where a run that takes one minute
/// here can take several, so deadlines are generous; past one the failure carries the last answer and the host's own
/// output, so a CI failure can be diagnosed from its log alone.
/// </summary>
internal static class HostPoll
{
    /// <summary>The default deadline of a wait for a run: below the CI hang guard (10 min per test).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(8);

    public static async Task<T> UntilAsync<T>(Func<LocalHostProcess> host, string what, Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTimeOffset.UtcNow + limit;
        var last = "no answer yet";
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                var value = await read();
                if (done(value))
                {
                    return value;
                }

                last = System.Text.Json.JsonSerializer.Serialize(value);
            }
            catch (HttpRequestException e)
            {
                // The host may be restarting, or the shared Azurite was too slow for one call (the API answers 503
                // and says retry): keep polling until the deadline.
                last = e.Message;
            }
            catch (TaskCanceledException e) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // One call outlived the HTTP client's timeout on a loaded machine; the next poll may not.
                last = e.Message;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        var output = string.Join(Environment.NewLine, host().Output.Split(Environment.NewLine).TakeLast(200));
        throw new TimeoutException($"{what} not done after {limit} (last answer: {Truncate(last)}). The host's last output:{Environment.NewLine}{output}");
    }

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000] + "…";
}
