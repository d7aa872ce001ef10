using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Backfill.Storage.Alerts;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Alerts;

/// <summary>
/// Raises an alert three ways: a structured log event at the alert's level, a row in the <c>alerts</c> table, and a
/// JSON POST to the webhook when one is set. Raising never fails the caller: a lost row or an unreachable webhook
/// is logged, because the pipeline step that raised the alert has already decided its own outcome.
/// </summary>
public sealed class AlertRaiser(
    AlertStore store, IHttpClientFactory httpClients, IOptions<AlertSettings> settings, TimeProvider time, ILogger<AlertRaiser> logger)
{
    /// <summary>The name of the <see cref="HttpClient"/> the webhook is called with.</summary>
    public const string WebhookClient = "alerts-webhook";

    /// <summary>Raises an alert.</summary>
    /// <param name="severity">Error, warning or info.</param>
    /// <param name="kind">What happened, snake_case, e.g. <c>validation_failed</c>.</param>
    /// <param name="message">A sentence for people.</param>
    /// <param name="dataset">The dataset, if any.</param>
    /// <param name="partition">The partition's day, if any.</param>
    /// <param name="runId">The run that raised it, if any.</param>
    /// <param name="details">Structured details, serialized as the API's JSON; null for none.</param>
    /// <param name="cancellationToken">Cancels the table write and the webhook call.</param>
    /// <returns>The alert as stored.</returns>
    public async Task<AlertRecord> RaiseAsync(
        AlertSeverity severity, string kind, string message, string? dataset, string? partition, string? runId, object? details,
        CancellationToken cancellationToken)
    {
        var alert = new AlertRecord(
            time.GetUtcNow(), severity, kind, dataset, partition, runId, message,
            details is null ? null : JsonSerializer.SerializeToElement(details, ApiJson.Options));
        LogRaised(alert);
        try
        {
            await store.AddAsync(alert, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            Log.AlertStoreFailed(logger, ex, kind, dataset, partition);
        }

        await PostAsync(alert, cancellationToken).ConfigureAwait(false);
        return alert;
    }

    /// <summary>
    /// Raises an alert for a condition once: while the condition persists, every later raise with the same
    /// <see cref="AlertRequest.DedupKey"/> is dropped. Unlike <see cref="RaiseAsync"/> a storage failure propagates, so
    /// the caller may retry: an alert that could not be stored is not deduplicated, and the next raise stores it.
    /// </summary>
    /// <param name="request">The alert and its dedup key.</param>
    /// <param name="cancellationToken">Cancels the table writes and the webhook call.</param>
    /// <returns>True when this call listed the alert (then it was logged and posted); false for a repeat.</returns>
    public async Task<bool> RaiseOnceAsync(AlertRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alert = new AlertRecord(
            time.GetUtcNow(), request.Severity, request.Kind, request.Dataset, request.Partition, request.RunId, request.Message, null, request.DedupKey);
        var (stored, listed) = await store.AddOnceAsync(alert, cancellationToken).ConfigureAwait(false);
        if (!listed)
        {
            Log.AlertRepeat(logger, request.Kind, request.DedupKey);
            return false;
        }

        // A crash between listing and posting loses the webhook call only; a crash before listing posts on the next raise.
        LogRaised(stored);
        await PostAsync(stored, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private void LogRaised(AlertRecord alert)
    {
        var level = alert.Severity switch
        {
            AlertSeverity.Error => LogLevel.Error,
            AlertSeverity.Warning => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        Log.Alert(logger, level, alert.Kind, alert.Dataset, alert.Partition, alert.RunId, alert.Message);
    }

    private async Task PostAsync(AlertRecord alert, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            return;
        }

        // The timeout runs on the injected clock, so a test can pass it without waiting.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.WebhookTimeoutSeconds), time);
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var client = httpClients.CreateClient(WebhookClient);
            using var response = await client.PostAsJsonAsync(new Uri(options.WebhookUrl), AlertView.Of(alert), ApiJson.Options, call.Token)
                .ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Log.AlertWebhookRejected(logger, options.WebhookUrl, (int)response.StatusCode, alert.Kind);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            Log.AlertWebhookFailed(logger, ex, options.WebhookUrl, alert.Kind);
        }
    }
}
