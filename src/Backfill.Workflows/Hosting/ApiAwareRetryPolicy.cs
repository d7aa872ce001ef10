using Azure.Core;
using Azure.Core.Pipeline;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// The SDK's exponential retry, except inside an <see cref="ApiCallScope"/>: there one retry and a short
/// network timeout, so an HTTP caller hears "storage unavailable" within seconds instead of after the
/// 20-odd seconds the storage SDK's default retries take. Activities keep the full retries: a work item
/// that waits out a storage blip is cheaper than one that fails and is retried by its orchestration.
/// </summary>
internal sealed class ApiAwareRetryPolicy(RetryOptions defaults) : RetryPolicy(defaults.MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(defaults.Delay, defaults.MaxDelay))
{
    /// <summary>Retries of one storage call made while serving an HTTP request.</summary>
    public const int ApiMaxRetries = 1;

    /// <summary>How long one storage call made while serving an HTTP request may wait for an answer.</summary>
    public static readonly TimeSpan ApiNetworkTimeout = TimeSpan.FromSeconds(3);

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        (!ApiCallScope.Contains(message) || message.ProcessingContext.RetryNumber < ApiMaxRetries) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        ApiCallScope.Contains(message) && message.ProcessingContext.RetryNumber >= ApiMaxRetries ? ValueTask.FromResult(false) : base.ShouldRetryAsync(message, exception);

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

    private static void BoundApiCall(HttpMessage message)
    {
        if (ApiCallScope.Contains(message))
        {
            message.NetworkTimeout = ApiNetworkTimeout;
        }
    }
}
