using Backfill.Core.Partitions;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>Landing events for 2026-06-01..2026-06-08 (days no other test uses) and one local host process.</summary>
public sealed class DailyHostFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalHostProcess? _host;

    internal LocalHostProcess Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync()
    {
        await BackfillApi.SeedLandingAsync(azurite.ConnectionString, Day.Parse("2026-06-01"), 8, eventsPerDay: 200);
        _host = await BackfillHostFixture.StartHostAsync(azurite);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
