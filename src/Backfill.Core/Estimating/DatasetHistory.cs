namespace Backfill.Core.Estimating;

/// <summary>What a dataset's recent commits say about the next one: how long each took and how big it was.</summary>
/// <param name="Durations">The recent commits' durations (build, stage, validate, publish), any order.</param>
/// <param name="Bytes">The recent live commits' sizes in bytes, any order.</param>
public sealed record DatasetHistory(IReadOnlyList<TimeSpan> Durations, IReadOnlyList<long> Bytes)
{
    /// <summary>Gets no history: a dataset nothing has committed to yet.</summary>
    public static DatasetHistory None { get; } = new([], []);

    /// <summary>Gets the median duration (the mean of the middle two for an even count); null with no durations.</summary>
    public TimeSpan? MedianDuration
    {
        get
        {
            if (Durations.Count == 0)
            {
                return null;
            }

            var sorted = Durations.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>Gets the mean size, rounded; null with no sizes.</summary>
    public long? MeanBytes => Bytes.Count == 0 ? null : (long)Math.Round(Bytes.Average(b => (double)b));
}
