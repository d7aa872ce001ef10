using Backfill.Core.Partitions;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// A local host (started as <see cref="BackfillHostFixture"/> starts its own) plus a week of September 2023, a range no other test
/// touches, brought into every partition state the dashboard shows:
/// 09-01..09-05 backfilled through features_v1 (committed); raw of 09-06, which has no events, fails validation;
/// raw of 09-03 rebuilt after more events landed, so staging of 09-03 is stale; 09-07 and all of features_v2 missing.
/// </summary>
public sealed class DashboardFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    public const string From = "2023-09-01";
    public const string To = "2023-09-07";
    public const string FailedDay = "2023-09-06";
    public const string RebuiltDay = "2023-09-03";

    private static readonly string[] RawOnly = ["raw"];

    private LocalHostProcess? _host;

    internal LocalHostProcess Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The Azurite the host's lake lives in, for tests that land their own events.</summary>
    public string ConnectionString => azurite.ConnectionString;

    /// <summary>The backfill of 09-01..09-05 through all layers: completed, every item succeeded.</summary>
    public string FullBackfill { get; private set; } = "";

    /// <summary>The raw backfill of the empty day: completed with failures.</summary>
    public string FailedBackfill { get; private set; } = "";

    /// <summary>The raw rebuild of 09-03 after more events landed.</summary>
    public string RebuildBackfill { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _host = await BackfillHostFixture.StartHostAsync(azurite);
        await BackfillApi.SeedLandingAsync(azurite.ConnectionString, Day.Parse(From), 5, eventsPerDay: 200);

        FullBackfill = await BackfillApi.StartAsync(Host, new { partitions = $"{From}..2023-09-05", target = "features_v1", maxParallel = 3 });
        await BackfillApi.WaitAsync(Host, FullBackfill);
        FailedBackfill = await BackfillApi.StartAsync(Host, new { partitions = FailedDay, target = "features_v1", layers = RawOnly, retries = 0 });
        await BackfillApi.WaitAsync(Host, FailedBackfill);

        // New events for an already built day: its raw rebuild gets a new commit that staging did not read.
        await BackfillApi.SeedLandingAsync(azurite.ConnectionString, Day.Parse(RebuiltDay), 1, eventsPerDay: 50, seed: 7, batch: "more");
        RebuildBackfill = await BackfillApi.StartAsync(Host, new { partitions = RebuiltDay, target = "features_v1", layers = RawOnly });
        await BackfillApi.WaitAsync(Host, RebuildBackfill);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
