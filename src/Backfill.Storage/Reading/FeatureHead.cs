using Backfill.Core.Features;
using Backfill.Storage.Commits;

namespace Backfill.Storage.Reading;

/// <summary>The first rows of a day's live commit, as <see cref="FeatureReader.ReadHeadAsync"/> read them.</summary>
/// <param name="Commit">The live commit: its <see cref="CommitRecord.RowCount"/> counts every row of the day.</param>
/// <param name="Rows">The rows read, in storage order: whole buckets, so possibly more than were asked for.</param>
public sealed record FeatureHead(CommitRecord Commit, IReadOnlyList<FeatureRow> Rows);
