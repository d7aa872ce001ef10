using System.Text.Json.Serialization;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Storage.Landing;

namespace Backfill.Storage.Commits;

/// <summary>
/// What every bucket of a bucketed commit builds against, fixed once before the first bucket runs: the manifest
/// version the commit will replace and the upstream commits it reads. Stored as <c>_pins.json</c> in the commit
/// folder, so buckets run on any worker, at any time, and still make one consistent day.
/// </summary>
/// <param name="CommitId">The commit all buckets write into.</param>
/// <param name="Dataset">The dataset.</param>
/// <param name="Partition">The day.</param>
/// <param name="Buckets">How many buckets the day is split into.</param>
/// <param name="BaseETag">The manifest version publish replaces; null when the day has none.</param>
/// <param name="Base">The live commit then: a merge's base; null for a new day.</param>
/// <param name="BasePublishedAt">When <paramref name="Base"/> was published.</param>
/// <param name="History">The manifest history once the commit is published: the base first.</param>
/// <param name="Inputs">The upstream commits every bucket reads.</param>
/// <param name="PinnedAt">When the pins were taken.</param>
/// <param name="Landing">
/// For raw, the landing files the day reads, in map groups: its map steps split them into buckets and each bucket step
/// reads its share. Empty for the other layers, which read <paramref name="Inputs"/>.
/// </param>
public sealed record DayPins(
    string CommitId,
    string Dataset,
    Day Partition,
    int Buckets,
    string? BaseETag,
    CommitRecord? Base,
    DateTimeOffset? BasePublishedAt,
    IReadOnlyList<string> History,
    IReadOnlyList<InputCommit> Inputs,
    DateTimeOffset PinnedAt,
    IReadOnlyList<LandingPin> Landing)
{
    /// <summary>Gets how many map steps the day runs before its buckets: one per map group of <see cref="Landing"/>, a file larger than the bound one per piece.</summary>
    [JsonIgnore]
    public int MapGroups => LandingPin.GroupCount(Landing);

    /// <summary>
    /// Gets how many id ranges the day's event id exchange has (<see cref="Building.IdExchange"/>): one <c>ids</c> and
    /// one <c>resolve</c> step each, before its buckets; 0 when the day needs none.
    /// </summary>
    [JsonIgnore]
    public int IdRanges => Building.IdExchange.RangesOf(Dataset, Buckets);
}
