namespace Backfill.Core.Estimating;

/// <summary>What a dataset's recent commits say about the next one: how long each took and how big it was.</summary>
/// <param name="Durations">The recent commits' durations (build, stage, validate, publish), any order.</param>
/// <param name="RebuildDurations">
/// The same commits' build and stage only: what an item whose content comes out unchanged takes (it stops there).
/// </param>
/// <param name="Bytes">The recent live commits' sizes in bytes, any order.</param>
public sealed record DatasetHistory(IReadOnlyList<TimeSpan> Durations, IReadOnlyList<TimeSpan> RebuildDurations, IReadOnlyList<long> Bytes)
{
    /// <summary>Gets no history: a dataset nothing has committed to yet.</summary>
    public static DatasetHistory None { get; } = new([], [], []);

    /// <summary>Gets the median of <see cref="Durations"/>; null with none.</summary>
    public TimeSpan? MedianDuration => Median(Durations);

    /// <summary>Gets the median of <see cref="RebuildDurations"/>; null with none.</summary>
    public TimeSpan? MedianRebuildDuration => Median(RebuildDurations);

    /// <summary>Gets the mean size, rounded; null with no sizes.</summary>
    public long? MeanBytes => Bytes.Count == 0 ? null : (long)Math.Round(Bytes.Average(b => (double)b));

    // The mean of the middle two for an even count.
    private static TimeSpan? Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
