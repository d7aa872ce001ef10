using System.Text.Json;

namespace Backfill.Testing;

/// <summary>
/// The one wait of the tests: polls state that changes asynchronously (an orchestration's status, an entity, a host's
/// API) until it holds, or fails at a deadline with what it waited for and the last state it saw. Deadlines are
/// minutes, not seconds: CI is a loaded 2-core machine, and a wait that holds returns as soon as it does, so only a
/// broken run pays for a long one.
/// </summary>
public static class Eventually
{
    /// <summary>The deadline when a wait names none: below the CI hang guard (10 min per test).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The pause between two probes when a wait names none. Most probes are storage reads (Azurite's tables); polled
    /// faster, the waits of two test projects side by side keep Azurite's CPU busy and slow the runs they wait on.
    /// </summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    private const int MaxObservedChars = 4000;

    // Fields too: a tuple's items are fields.
    private static readonly JsonSerializerOptions ObservedJson = new() { IncludeFields = true };

    /// <summary>Probes until <paramref name="until"/> holds for the value read, and returns that value.</summary>
    /// <param name="description">What is waited for, as the failure should say it: "backfill bf-1 completed".</param>
    /// <param name="probe">Reads the state; its token is canceled at the deadline.</param>
    /// <param name="until">True once the state read is the one waited for.</param>
    /// <param name="timeout">The deadline; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="interval">The pause between probes; <see cref="DefaultInterval"/> when null.</param>
    /// <param name="retryOn">Exceptions of the probe to note as the last observation and poll on (a host restarting);
    /// any other propagates at once.</param>
    /// <param name="diagnostics">More to say on timeout (a host's output), read only then.</param>
    /// <returns>The first value read for which <paramref name="until"/> held.</returns>
    /// <exception cref="TimeoutException">The deadline passed first; the message names the wait and the last value.</exception>
    public static async Task<T> UntilAsync<T>(
        string description,
        Func<CancellationToken, Task<T>> probe,
        Func<T, bool> until,
        TimeSpan? timeout = null,
        TimeSpan? interval = null,
        Func<Exception, bool>? retryOn = null,
        Func<string>? diagnostics = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(until);
        var limit = timeout ?? DefaultTimeout;
        var test = TestContext.Current.CancellationToken;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(test);
        deadline.CancelAfter(limit);
        // Described only on timeout: a probe may read much (every exported span), and most waits hold.
        Func<string> last = () => "nothing (no probe finished)";
        try
        {
            while (true)
            {
                try
                {
                    var value = await probe(deadline.Token);
                    if (until(value))
                    {
                        return value;
                    }

                    last = () => Describe(value);
                }
                // Also when the deadline passed while the probe ran: the delay below then ends the wait as a timeout, where
                // letting the probe's error out would make a loaded machine's slow probe look like a different failure.
                catch (Exception e) when (retryOn?.Invoke(e) == true)
                {
                    last = () => $"{e.GetType().Name}: {e.Message}";
                }

                await Task.Delay(interval ?? DefaultInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !test.IsCancellationRequested)
        {
            var more = diagnostics is null ? string.Empty : Environment.NewLine + diagnostics();
            throw new TimeoutException($"Timed out after {limit} waiting for {description}. Last observed: {last()}{more}");
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it is true.</summary>
    /// <param name="description">What is waited for, as the failure should say it.</param>
    /// <param name="condition">True once the state is the one waited for.</param>
    /// <param name="timeout">The deadline; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="interval">The pause between probes; <see cref="DefaultInterval"/> when null.</param>
    /// <returns>A task that completes once the condition held.</returns>
    public static Task UntilAsync(string description, Func<bool> condition, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(description, _ => Task.FromResult(condition()), held => held, timeout, interval);
    }

    private static string Describe<T>(T value)
    {
        string text;
        try
        {
            text = value is string s ? s : JsonSerializer.Serialize(value, ObservedJson);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException)
        {
            // Not every observed type serializes (cycles, delegates): its own text is the next best thing.
            text = value?.ToString() ?? "null";
        }

        return text.Length <= MaxObservedChars ? text : text[..MaxObservedChars] + "…";
    }
}
