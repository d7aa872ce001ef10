using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Storage.Reading;

/// <summary>The rows of a features dataset over a date range, and exactly which commits they came from.</summary>
/// <param name="Dataset">The feature version read: the one the pointer named when the read resolved it.</param>
/// <param name="Rows">The rows, by date then entity.</param>
/// <param name="Commits">The commit read for each partition, ascending by day.</param>
/// <param name="Missing">Days in the range with no published partition.</param>
public sealed record FeatureRead(string Dataset, IReadOnlyList<FeatureRow> Rows, IReadOnlyList<InputCommit> Commits, IReadOnlyList<Day> Missing);
