using Backfill.Core.Building;
using Backfill.Core.Partitions;

namespace Backfill.Core.Daily;

/// <summary>What had landed for one event day: unique events by lateness band, duplicates and malformed lines.</summary>
/// <param name="OnTime">Unique events whose first copy landed on their event day.</param>
/// <param name="Late0To24Hours">Unique events whose first copy landed 0–24 h after their day ended.</param>
/// <param name="Late24To48Hours">Unique events whose first copy landed 24–48 h after their day ended.</param>
/// <param name="LateOver48Hours">Unique events whose first copy landed 48 h or more after their day ended.</param>
/// <param name="Duplicates">Extra copies of events already landed.</param>
/// <param name="Malformed">Lines of the day that could not be parsed (quarantined).</param>
public sealed record LandedCounts(long OnTime, long Late0To24Hours, long Late24To48Hours, long LateOver48Hours, long Duplicates, long Malformed)
{
    /// <summary>Gets the number of unique events landed.</summary>
    public long Unique => OnTime + Late0To24Hours + Late24To48Hours + LateOver48Hours;

    /// <summary>Counts what raw(D) read from landing: each event once, in the band of its first arrival.</summary>
    /// <param name="day">The event day.</param>
    /// <param name="raw">Raw(D) built from every landed line of the day.</param>
    /// <returns>The counts.</returns>
    public static LandedCounts Of(Day day, RawBuild raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var staged = StagingBuilder.Build(day, raw.Events);
        var bands = staged.Events.CountBy(row => Lateness.BandOf(Utc(row.Event.EventTime), Utc(row.ArrivalTime))).ToDictionary();
        long Count(LatenessBand band) => bands.GetValueOrDefault(band);
        return new LandedCounts(
            Count(LatenessBand.OnTime), Count(LatenessBand.Late0To24Hours), Count(LatenessBand.Late24To48Hours), Count(LatenessBand.LateOver48Hours),
            staged.DuplicatesDropped, raw.Quarantined.Count);
    }

    /// <summary>
    /// The unique events of each lateness band that landed since <paramref name="previous"/> was counted, named as the API
    /// names the bands. Landing only grows, so a band never shrinks; each event is counted once, by the first build
    /// that sees it.
    /// </summary>
    /// <param name="previous">The counts of the day's previous build; <see langword="null"/> before its first.</param>
    /// <returns>The band names with their new events; bands with none are left out.</returns>
    public IReadOnlyList<(string Band, long Events)> NewSince(LandedCounts? previous) =>
    [
        .. new (string Band, long Now, long Before)[]
        {
            ("onTime", OnTime, previous?.OnTime ?? 0),
            ("late0To24h", Late0To24Hours, previous?.Late0To24Hours ?? 0),
            ("late24To48h", Late24To48Hours, previous?.Late24To48Hours ?? 0),
            ("lateOver48h", LateOver48Hours, previous?.LateOver48Hours ?? 0),
        }.Where(band => band.Now > band.Before).Select(band => (band.Band, band.Now - band.Before)),
    ];

    // Times read back from storage may carry no kind; every time in the lake is UTC.
    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
