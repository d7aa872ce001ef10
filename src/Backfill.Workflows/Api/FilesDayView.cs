using Backfill.Storage.Reading;

namespace Backfill.Workflows.Api;

/// <summary>One day of <see cref="FilesView"/>.</summary>
/// <param name="Date">The partition's day.</param>
/// <param name="CommitId">Its live commit.</param>
/// <param name="RowCount">Rows in the partition.</param>
/// <param name="Files">The commit's data files: name, path in the container, URL, rows, bytes and SHA-256.</param>
public sealed record FilesDayView(string Date, string CommitId, long RowCount, IReadOnlyList<LiveFile> Files);
