using Azure.Core;
using Azure.Core.Pipeline;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// The SDK's exponential retry, except inside an <see cref="ApiCallScope"/>: there a call waits at most
/// <paramref name="apiCallTimeout"/> (<see cref="StorageCallSettings.ApiCallTimeout"/>, default 8 s) for an answer
/// and is not retried after that wait, and a refused or failed call is retried once. So an HTTP caller hears
/// "storage unavailable" within about 1 s when storage refuses (instead of after the 20-odd seconds the storage
/// SDK's default retries take) and within that timeout when it hangs (instead of minutes). Activities keep the full
/// retries: a work item that waits out a storage blip is cheaper than one that fails and is retried by its orchestration.
/// </summary>
internal sealed class ApiAwareRetryPolicy(RetryOptions defaults, TimeSpan apiCallTimeout)
    : RetryPolicy(defaults.MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(defaults.Delay, defaults.MaxDelay))
{
    /// <summary>Retries of one storage call made while serving an HTTP request, when it failed without timing out.</summary>
    public const int ApiMaxRetries = 1;

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        !StopsHere(message, exception) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        StopsHere(message, exception) ? ValueTask.FromResult(false) : base.ShouldRetryAsync(message, exception);

    protected override void OnSendingRequest(HttpMessage message)
    {
        BoundApiCall(message);
        base.OnSendingRequest(message);
    }

    protected override ValueTask OnSendingRequestAsync(HttpMessage message)
    {
        BoundApiCall(message);
        return base.OnSendingRequestAsync(message);
    }

    // A timed-out attempt already spent the request's wait; another would double it.
    private static bool StopsHere(HttpMessage message, Exception? exception) =>
        ApiCallScope.Contains(message) && (message.ProcessingContext.RetryNumber >= ApiMaxRetries || exception is OperationCanceledException);

    private void BoundApiCall(HttpMessage message)
    {
        if (ApiCallScope.Contains(message))
        {
            message.NetworkTimeout = apiCallTimeout;
        }
    }
}
