using Backfill.Core.Buckets;
using Backfill.Storage.Building;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// How each dataset's days are laid out (section <c>Layout</c>), validated at start by
/// <see cref="LayoutSettingsValidator"/>. <c>Layout:Buckets:{dataset}</c> splits every day of the dataset into that
/// many entity buckets, each built by its own work item; unset means 1, one work item per day.
/// </summary>
public sealed class LayoutSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Layout";

    /// <summary>Buckets per dataset (<c>raw</c>, <c>staging</c>, <c>features_v2</c>, …): a power of two from 1 to 256.</summary>
    public IDictionary<string, int> Buckets { get; set; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// The most bytes of landing one map step of a bucketed raw day reads (<c>Layout:MapGroupBytes</c>, 64 MiB): a raw
    /// day's landing files are mapped into buckets in groups of at most this size, and a larger file in pieces of it.
    /// </summary>
    public long MapGroupBytes { get; set; } = RawPartitionBuilder.DefaultMapGroupBytes;

    /// <summary>Returns the bucket count of <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>Its configured count, or one bucket.</returns>
    public BucketCount For(string dataset) => Buckets.TryGetValue(dataset, out var count) ? BucketCount.Of(count) : BucketCount.One;

    /// <summary>The counts a run pins when it starts: those of <paramref name="datasets"/> split into more than one bucket.</summary>
    /// <param name="datasets">The datasets the run writes.</param>
    /// <returns>Bucket count by dataset; a dataset not named has one bucket.</returns>
    public IReadOnlyDictionary<string, int> Pinned(IEnumerable<string> datasets) =>
        datasets.Distinct(StringComparer.Ordinal).Where(dataset => For(dataset).Value > 1).ToDictionary(dataset => dataset, dataset => For(dataset).Value, StringComparer.Ordinal);
}
