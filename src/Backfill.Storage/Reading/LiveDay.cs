using Backfill.Core.Partitions;

namespace Backfill.Storage.Reading;

/// <summary>A day's live commit and its data files.</summary>
/// <param name="Day">The partition's day.</param>
/// <param name="CommitId">The live commit.</param>
/// <param name="RowCount">Rows in the partition.</param>
/// <param name="Files">The commit's data files, in the commit's order.</param>
public sealed record LiveDay(Day Day, string CommitId, long RowCount, IReadOnlyList<LiveFile> Files);
