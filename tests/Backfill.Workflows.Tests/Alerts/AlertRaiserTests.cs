using Backfill.Storage.Alerts;
using Backfill.Testing;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Backfill.Workflows.Tests.Alerts;

public sealed class AlertRaiserTests(AzuriteFixture azurite)
{
    private static readonly string[] Failures = ["null_rate"];

    [Fact]
    public async Task RaiseAsync_Webhook_ReceivesTheAlertAsJsonPost()
    {
        using var webhook = new WebhookListener();
        var (raiser, _) = Alerting.Raiser(azurite, webhook.Url);
        var runId = "bf-" + Guid.NewGuid().ToString("N");

        await raiser.RaiseAsync(
            AlertSeverity.Error, "validation_failed", "raw/2025-01-10 not published", "raw", "2025-01-10", runId,
            new { failures = Failures }, TestContext.Current.CancellationToken);

        var body = await webhook.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("error", body.GetProperty("severity").GetString());
        Assert.Equal("validation_failed", body.GetProperty("kind").GetString());
        Assert.Equal(("raw", "2025-01-10", runId), (body.GetProperty("dataset").GetString(), body.GetProperty("partition").GetString(), body.GetProperty("runId").GetString()));
        Assert.Equal("null_rate", body.GetProperty("details").GetProperty("failures")[0].GetString());
        Assert.True(body.TryGetProperty("raisedAt", out _));
    }

    [Fact]
    public async Task RaiseOnceAsync_ConditionRaisedTwice_StoresAndPostsItOnce()
    {
        using var webhook = new WebhookListener();
        var (raiser, _) = Alerting.Raiser(azurite, webhook.Url);
        var runId = "daily-" + Guid.NewGuid().ToString("N");
        var stalled = new AlertRequest(
            AlertSeverity.Error, AlertKinds.WatermarkStalled, $"watermark_stalled:features_v1:{runId}", "stalled", "features_v1", "2025-03-07", runId);

        var first = await raiser.RaiseOnceAsync(stalled, TestContext.Current.CancellationToken);
        var again = await raiser.RaiseOnceAsync(stalled with { Message = "still stalled" }, TestContext.Current.CancellationToken);

        Assert.Equal((true, false), (first, again));
        Assert.Equal(1, webhook.Count);
        var body = await webhook.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal($"watermark_stalled:features_v1:{runId}", body.GetProperty("dedupKey").GetString());
        Assert.Equal("stalled", (await Alerting.SingleOfRunAsync(azurite, runId)).Message);
    }

    [Fact]
    public async Task RaiseAsync_DeadWebhook_StoresTheRowLogsAndDoesNotThrow()
    {
        var (raiser, log) = Alerting.Raiser(azurite, WebhookListener.DeadUrl);
        var runId = "bf-" + Guid.NewGuid().ToString("N");

        await raiser.RaiseAsync(
            AlertSeverity.Error, "validation_failed", "staging/2025-01-10 not published", "staging", "2025-01-10", runId, null,
            TestContext.Current.CancellationToken);

        var stored = await Alerting.SingleOfRunAsync(azurite, runId);
        Assert.Equal((AlertSeverity.Error, "staging"), (stored.Severity, stored.Dataset));
        Assert.Contains(log.Events, e => e.Level == LogLevel.Error && Equals(e.Fields["Dataset"], "staging") && Equals(e.Fields["RunId"], runId));
        Assert.Contains(log.Events, e => e.Level == LogLevel.Warning && e.Id.Id == 502);
    }

    [Fact]
    public async Task RaiseAsync_HungWebhook_GivesUpAtTheTimeoutAndLogs()
    {
        using var webhook = new WebhookListener(answers: false);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // The longest the settings allow, and longer than the test waits for the raise: only the fake clock can pass it.
        var timeout = TimeSpan.FromSeconds(120);
        var (raiser, log) = Alerting.Raiser(azurite, webhook.Url, (int)timeout.TotalSeconds, time);
        var runId = "bf-" + Guid.NewGuid().ToString("N");

        var raising = raiser.RaiseAsync(
            AlertSeverity.Error, "validation_failed", "raw/2025-01-10 not published", "raw", "2025-01-10", runId, null,
            TestContext.Current.CancellationToken);
        // The webhook read the POST and never answers: only the raiser's timeout, on its clock, can end the call.
        var posted = await webhook.NextAsync(TimeSpan.FromMinutes(1));
        time.Advance(timeout - TimeSpan.FromTicks(1));
        var beforeTheTimeout = raising.IsCompleted;
        time.Advance(TimeSpan.FromTicks(1));
        await raising.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.False(beforeTheTimeout, "the raiser gave up before its timeout");
        Assert.Equal(runId, posted.GetProperty("runId").GetString());
        Assert.Contains(log.Events, e => e.Level == LogLevel.Warning && e.Id.Id == 502);
        Assert.Equal(runId, (await Alerting.SingleOfRunAsync(azurite, runId)).RunId);
    }

    [Fact]
    public async Task RaiseAsync_Info_LogsAtInformation()
    {
        var (raiser, log) = Alerting.Raiser(azurite, null);
        var runId = "flip-" + Guid.NewGuid().ToString("N");

        await raiser.RaiseAsync(AlertSeverity.Info, "flip", "features now features_v2", null, null, runId, null, TestContext.Current.CancellationToken);

        Assert.Equal(AlertSeverity.Info, (await Alerting.SingleOfRunAsync(azurite, runId)).Severity);
        Assert.Contains(log.Events, e => e.Level == LogLevel.Information && e.Id.Id == 500);
    }
}
