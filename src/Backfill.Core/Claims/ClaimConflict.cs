namespace Backfill.Core.Claims;

/// <summary>Partitions another run holds that a claim asked for.</summary>
/// <param name="RunId">The holder.</param>
/// <param name="Daily">Whether the holder is a daily run.</param>
/// <param name="Dataset">The dataset of the overlap.</param>
/// <param name="FirstDays">The first overlapping days (at most <see cref="ClaimBook.ShownDays"/>), ascending.</param>
/// <param name="Days">How many days overlap in all.</param>
public sealed record ClaimConflict(string RunId, bool Daily, string Dataset, IReadOnlyList<string> FirstDays, int Days)
{
    /// <summary>A sentence naming the holder, the dataset and the first days.</summary>
    public string Describe() =>
        $"{(Daily ? "daily run" : "backfill")} {RunId} holds {Dataset} on {Days} of the same days ({string.Join(", ", FirstDays)}{(Days > FirstDays.Count ? ", …" : string.Empty)})";
}
