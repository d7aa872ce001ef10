using Azure.Data.Tables;
using Backfill.Storage.Alerts;
using Backfill.Testing;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Tests.Support;

/// <summary>A real alert raiser over Azurite's <c>alerts</c> table and a real HTTP client factory.</summary>
internal static class Alerting
{
    private static readonly IHttpClientFactory HttpClients =
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    public static AlertStore Store(AzuriteFixture azurite) => new(new TableServiceClient(azurite.ConnectionString));

    public static (AlertRaiser Raiser, RecordingLogger<AlertRaiser> Log) Raiser(
        AzuriteFixture azurite, string? webhookUrl, int timeoutSeconds = 2, TimeProvider? time = null)
    {
        var log = new RecordingLogger<AlertRaiser>();
        var settings = Options.Create(new AlertSettings { WebhookUrl = webhookUrl, WebhookTimeoutSeconds = timeoutSeconds });
        return (new AlertRaiser(Store(azurite), HttpClients, settings, time ?? TimeProvider.System, log), log);
    }

    public static async Task<AlertRecord> SingleOfRunAsync(AzuriteFixture azurite, string runId) =>
        Assert.Single(await Store(azurite).ListAsync(null, null, 1000, TestContext.Current.CancellationToken), alert => alert.RunId == runId);
}
