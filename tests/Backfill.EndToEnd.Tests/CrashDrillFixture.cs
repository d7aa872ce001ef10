using System.Globalization;
using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Testing;
using Backfill.Workflows.Models;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// The undisturbed run the crash drills compare with: <see cref="Days"/> days of landing from 2025-01-01 backfilled
/// through features_v1 by a host nobody kills, on its own lake. Each drill lands the same events in its own lake.
/// </summary>
public sealed class CrashDrillFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>The random-kill drill's range in days (environment variable; 12 by default so CI stays fast, 40 for the soak).</summary>
    public const string DaysVariable = "BACKFILL_KILL_DRILL_DAYS";

    /// <summary>Days of the clean run and of the random-kill drill; never fewer than the manifest-window drill's 10.</summary>
    public static readonly int Days = Math.Max(
        10, int.TryParse(Environment.GetEnvironmentVariable(DaysVariable), CultureInfo.InvariantCulture, out var days) ? days : 12);

    /// <summary>How long a drill waits for a backfill: 120 items (the 40-day soak) at max parallel 3 take minutes on a busy 2-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    public static readonly Day First = Day.Parse("2025-01-01");

    /// <summary>The clean lake's live content hash of every partition, by <c>dataset/day</c>.</summary>
    public IReadOnlyDictionary<string, string> Clean { get; private set; } = new Dictionary<string, string>();

    public string ConnectionString => azurite.ConnectionString;

    /// <summary>The clean run's host settings, to read its lake.</summary>
    internal IReadOnlyDictionary<string, string> CleanSettings { get; private set; } = new Dictionary<string, string>();

    /// <summary>Settings of a host on its own task hub and lake, with the drill's events landed in that lake.</summary>
    internal async Task<Dictionary<string, string>> NewLakeAsync(string name)
    {
        var settings = LocalHostProcess.OwnLake(azurite.ConnectionString, name);
        settings["Backfill:RetryDelaySeconds"] = "1";
        await BackfillApi.SeedLandingAsync(azurite.ConnectionString, First, Days, eventsPerDay: 200, options: new DrillLake(azurite.ConnectionString, settings).Options);
        return settings;
    }

    internal static object Request(int days) =>
        new { partitions = $"{First}..{First.AddDays(days - 1)}", target = "features_v1", maxParallel = 3 };

    public async ValueTask InitializeAsync()
    {
        var settings = await NewLakeAsync("clean");
        await using var host = await LocalHostProcess.StartAsync(settings);
        var done = await BackfillApi.WaitAsync(host, await BackfillApi.StartAsync(host, Request(Days)), timeout: Patience);
        Assert.Equal(BackfillStatus.Completed, done.Status);
        var live = await new DrillLake(azurite.ConnectionString, settings).LiveAsync(First, Days);
        Assert.Equal(Days * DrillLake.Datasets.Length, live.Count);
        Assert.All(live.Values, commit => Assert.Equal(CommitStatus.Published, commit.Lineage));
        Clean = live.ToDictionary(p => p.Key, p => p.Value.ContentHash, StringComparer.Ordinal);
        CleanSettings = settings;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
