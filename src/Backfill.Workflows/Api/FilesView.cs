using Backfill.Core.Partitions;
using Backfill.Storage.Reading;

namespace Backfill.Workflows.Api;

/// <summary>Body of <c>GET /api/files/{dataset}</c>.</summary>
/// <param name="Dataset">The name asked for: the pointer or a feature version.</param>
/// <param name="ResolvedDataset">The dataset listed (for a pointer, the version it named when the list was read).</param>
/// <param name="From">The first day of the range.</param>
/// <param name="To">The last day of the range.</param>
/// <param name="Container">The lake container every path is in.</param>
/// <param name="FileCount">Files over all days.</param>
/// <param name="RowCount">Rows over all days.</param>
/// <param name="Days">Each day with a live commit: its commit and files.</param>
/// <param name="Missing">The days of the range with no live commit.</param>
public sealed record FilesView(
    string Dataset, string ResolvedDataset, string From, string To, string Container, int FileCount, long RowCount, IReadOnlyList<FilesDayView> Days,
    IReadOnlyList<string> Missing)
{
    /// <summary>The view of a listing.</summary>
    public static FilesView Of(string dataset, Day from, Day to, LiveFileList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new FilesView(
            dataset, list.Dataset, from.ToString(), to.ToString(), list.Container, list.Days.Sum(d => d.Files.Count), list.Days.Sum(d => d.RowCount),
            [.. list.Days.Select(d => new FilesDayView(d.Day.ToString(), d.CommitId, d.RowCount, d.Files))],
            [.. list.Missing.Select(d => d.ToString())]);
    }
}
