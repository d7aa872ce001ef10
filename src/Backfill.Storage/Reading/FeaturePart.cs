using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;

namespace Backfill.Storage.Reading;

/// <summary>
/// One step of a streamed features read (<see cref="FeatureReader.StreamAsync"/>):
/// one bucket of one day's live commit, or a day with no published partition.
/// </summary>
/// <param name="Day">The day.</param>
/// <param name="Commit">The live commit the rows came from; null for a day with none.</param>
/// <param name="Rows">The bucket's rows in storage order; empty for a day with no commit.</param>
public sealed record FeaturePart(Day Day, InputCommit? Commit, IReadOnlyList<FeatureRow> Rows);
