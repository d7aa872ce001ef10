using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Reading;

/// <summary>
/// Lists the files an outside reader should read for a range of days: each day's live commit's data files, as its
/// manifest names them. Staged, rejected and superseded commits sit in the same folders; a reader given this list
/// never reads them, and a glob over the folders would.
/// </summary>
public sealed class LiveFileLister
{
    private readonly LakeStorage _lake;
    private readonly PartitionReader _partitions;

    /// <summary>Creates the lister.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public LiveFileLister(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
        _partitions = new PartitionReader(lake);
    }

    /// <summary>Lists <paramref name="dataset"/>'s live files from <paramref name="first"/> to <paramref name="last"/>.</summary>
    /// <param name="dataset">A dataset name (a pointer must be resolved first).</param>
    /// <param name="first">The first day, inclusive.</param>
    /// <param name="last">The last day, inclusive; not before <paramref name="first"/>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Each day's live files, and the days without a live commit.</returns>
    public async Task<LiveFileList> ListAsync(string dataset, Day first, Day last, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, last);
        var days = Enumerable.Range(0, last.Date.DayNumber - first.Date.DayNumber + 1).Select(first.AddDays).ToList();
        var manifests = await PartitionManifests.ReadAsync(_partitions, days.Select(day => (dataset, day)), cancellationToken).ConfigureAwait(false);
        var live = new List<LiveDay>();
        var missing = new List<Day>();
        foreach (var day in days)
        {
            if (manifests[(dataset, day)]?.Commit is { } commit)
            {
                live.Add(new LiveDay(day, commit.CommitId, commit.RowCount, [.. commit.Files.Select(file => File(commit, file))]));
            }
            else
            {
                missing.Add(day);
            }
        }

        return new LiveFileList(dataset, _lake.Container.Name, live, missing);
    }

    private LiveFile File(CommitRecord commit, CommitFile file)
    {
        var path = LakePaths.CommitFile(commit.Dataset, commit.Partition, commit.CommitId, file.Name);
        return new LiveFile(file.Name, path, _lake.Container.GetBlobClient(path).Uri, file.RowCount, file.Bytes, file.Sha256);
    }
}
