using Backfill.Core.Partitions;

namespace Backfill.Storage.Reading;

/// <summary>The live files of a dataset over a range of days.</summary>
/// <param name="Dataset">The dataset listed.</param>
/// <param name="Container">The lake container every path is in.</param>
/// <param name="Days">The days with a live commit, ascending.</param>
/// <param name="Missing">The days of the range without one, ascending.</param>
public sealed record LiveFileList(string Dataset, string Container, IReadOnlyList<LiveDay> Days, IReadOnlyList<Day> Missing);
