using Backfill.Core.Partitions;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>Landing events for 2025-01-01..2025-02-10 and one local host process, shared by a test class.</summary>
public sealed class BackfillHostFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalHostProcess? _host;

    internal LocalHostProcess Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync()
    {
        await BackfillApi.SeedLandingAsync(azurite.ConnectionString, Day.Parse("2025-01-01"), 41);
        _host = await StartHostAsync(azurite);
    }

    /// <summary>A local host on its own task hub over the shared Azurite, retrying after 1 s.</summary>
    internal static Task<LocalHostProcess> StartHostAsync(AzuriteFixture azurite) => LocalHostProcess.StartAsync(new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["TaskHubName"] = "b" + Guid.NewGuid().ToString("N")[..12],
        ["Backfill:RetryDelaySeconds"] = "1",
    });

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
