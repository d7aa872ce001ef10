using Backfill.Core.Features;
using Backfill.Core.Partitions;

namespace Backfill.Core.Pointers;

/// <summary>
/// The version registry's state: which feature versions the daily run builds, and why. The pointer stays the judge
/// of which version is live: every operation first takes the pointer's current version, so a registry that missed a
/// flip (a crash between the pointer's change and the registry's) converges on the next operation. Time is only
/// ever a processing day of the daily run, never the clock, so the lifecycle is deterministic and tests drive it
/// through <c>asOf</c>.
/// </summary>
/// <param name="Sequence">+1 per operation, so the mirror blob only ever moves forward.</param>
/// <param name="LastWatermark">The newest watermark day a daily run processed; null before the first run.</param>
/// <param name="Versions">Every version ever live or registered, in <see cref="FeatureVersions.All"/> order.</param>
public sealed record VersionLifecycle(long Sequence, Day? LastWatermark, IReadOnlyList<VersionEntry> Versions)
{
    /// <summary>The default of the retain window: days a retiring version is still built after a flip.</summary>
    public const int DefaultRetainDays = 7;

    /// <summary>Gets the state before any operation: no version known.</summary>
    public static VersionLifecycle Empty { get; } = new(0, null, []);

    /// <summary>Gets the versions the daily run builds (every one not retired), live first.</summary>
    public IReadOnlyList<VersionEntry> Built =>
        [.. Versions.Where(entry => entry.State != VersionState.Retired).OrderBy(entry => entry.State == VersionState.Live ? 0 : 1)];

    /// <summary>The entry of <paramref name="version"/>; null when the registry never knew it.</summary>
    /// <param name="version">A dataset name.</param>
    /// <returns>The entry.</returns>
    public VersionEntry? Find(string version) => Versions.FirstOrDefault(entry => entry.Version == version);

    /// <summary>
    /// Makes <paramref name="live"/> (the pointer's current version) live: a version that was live before becomes
    /// retiring from the newest processed day. A no-op (same sequence) when the registry already agrees.
    /// </summary>
    /// <param name="live">The version the pointer names.</param>
    /// <returns>The state.</returns>
    public VersionLifecycle Sync(string live)
    {
        ArgumentException.ThrowIfNullOrEmpty(live);
        if (Versions.Count(entry => entry.State == VersionState.Live) == 1 && Find(live)?.State == VersionState.Live)
        {
            return this;
        }

        var entries = Versions
            .Select(entry => entry.Version == live ? entry with { State = VersionState.Live, Since = null }
                : entry.State == VersionState.Live ? entry with { State = VersionState.Retiring, Since = LastWatermark }
                : entry)
            .ToList();
        if (entries.All(entry => entry.Version != live))
        {
            entries.Add(new VersionEntry(live, VersionState.Live, null, null));
        }

        return Next(LastWatermark, entries);
    }

    /// <summary>
    /// Registers <paramref name="version"/> as a candidate because a backfill fills it: a version that is not live,
    /// retiring or already a candidate becomes one, built by the daily run from the day after the newest processed day.
    /// </summary>
    /// <param name="version">The backfill's target.</param>
    /// <param name="live">The version the pointer names.</param>
    /// <returns>The state; <paramref name="version"/>'s entry tells the caller what it now is.</returns>
    public VersionLifecycle Register(string version, string live)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        var synced = Sync(live);
        if (synced.Find(version) is { State: not VersionState.Retired })
        {
            return synced;
        }

        var candidate = new VersionEntry(version, VersionState.Candidate, synced.LastWatermark?.AddDays(1), null);
        return synced.Next(synced.LastWatermark, [.. synced.Versions.Where(entry => entry.Version != version).Append(candidate)]);
    }

    /// <summary>
    /// The daily run at watermark <paramref name="watermark"/>: fixes the first day of candidates registered before any
    /// run and the start of retiring windows opened before any run, then retires every retiring version whose window
    /// (<paramref name="retainDays"/> processed days after it stopped being live) is over. The run builds <see cref="Built"/>.
    /// </summary>
    /// <param name="live">The version the pointer names.</param>
    /// <param name="watermark">The run's watermark day.</param>
    /// <param name="retainDays">The retain window.</param>
    /// <returns>The state.</returns>
    public VersionLifecycle Advance(string live, Day watermark, int retainDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retainDays);
        var synced = Sync(live);
        var entries = synced.Versions.Select(entry => entry switch
        {
            { State: VersionState.Candidate or VersionState.Live, FirstDay: null } => entry with { FirstDay = watermark },
            { State: VersionState.Retiring, Since: null } => entry with { Since = watermark.AddDays(-1) },
            _ => entry,
        }).Select(entry => entry is { State: VersionState.Retiring, Since: { } since } && watermark > since.AddDays(retainDays)
            ? entry with { State = VersionState.Retired, Since = since.AddDays(retainDays) }
            : entry).ToList();
        var newest = synced.LastWatermark is { } last && last > watermark ? last : watermark;
        return synced.Next(newest, entries);
    }

    /// <summary>Retires <paramref name="version"/> by hand: never the live one; retiring an already retired version changes nothing.</summary>
    /// <param name="version">The version to retire.</param>
    /// <param name="live">The version the pointer names.</param>
    /// <returns>The state, and why the request was refused (null when it applied).</returns>
    public (VersionLifecycle State, string? Refused) Retire(string version, string live)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        var synced = Sync(live);
        if (version == live)
        {
            return (synced, $"{version} is live: the pointer '{FeaturePointer.Name}' names it. Flip the pointer to another version first.");
        }

        var entry = synced.Find(version);
        if (entry is null or { State: VersionState.Retired })
        {
            return (synced, null);
        }

        var retired = entry with { State = VersionState.Retired, Since = synced.LastWatermark };
        return (synced.Next(synced.LastWatermark, [.. synced.Versions.Select(e => e.Version == version ? retired : e)]), null);
    }

    /// <summary>Why a rollback to <paramref name="version"/> is refused: it is retired, so days it was not built for are missing.</summary>
    /// <param name="version">The version a rollback would restore.</param>
    /// <returns>The reason, with how to bring the version back; null when the rollback may go ahead.</returns>
    public string? RefuseRollback(string version) =>
        Find(version) is { State: VersionState.Retired } entry
            ? $"{version} is retired: the daily run has not built it since {entry.Since?.ToString() ?? "it was retired"}, so the days after that are "
              + $"missing from it. To bring it back, backfill the missing days into {version} (the backfill makes it a candidate the daily run "
              + $"builds again), then flip the pointer '{FeaturePointer.Name}' to it."
            : null;

    private VersionLifecycle Next(Day? lastWatermark, IEnumerable<VersionEntry> entries)
    {
        var order = FeatureVersions.All.Select(version => version.Name).ToList();
        return new VersionLifecycle(Sequence + 1, lastWatermark, [.. entries.OrderBy(entry => order.IndexOf(entry.Version)).ThenBy(entry => entry.Version, StringComparer.Ordinal)]);
    }
}
