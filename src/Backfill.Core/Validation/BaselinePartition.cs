using System.Globalization;
using Backfill.Core.Partitions;

namespace Backfill.Core.Validation;

/// <summary>A partition a staged commit is compared with: which commit it was, and its stored profile.</summary>
/// <param name="Dataset">The dataset, e.g. <c>features_v1</c>.</param>
/// <param name="Partition">The partition's day.</param>
/// <param name="CommitId">The commit that was live at the run's baseline time.</param>
/// <param name="Profile">That commit's profile.</param>
public sealed record BaselinePartition(string Dataset, Day Partition, string CommitId, PartitionProfile Profile)
{
    /// <summary>Gets the id a validation result names it by: <c>dataset/YYYY-MM-DD@commitId</c>.</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"{Dataset}/{Partition}@{CommitId}");
}
