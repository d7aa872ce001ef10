using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Lineage;
using Backfill.Storage.Reading;

namespace Backfill.EndToEnd.Tests;

/// <summary>One host's own lake (<see cref="LocalHostProcess.OwnLake"/>) read directly: live commits and their lineage rows.</summary>
internal sealed class DrillLake
{
    public static readonly string[] Datasets = ["raw", "staging", "features_v1"];

    private readonly LakeStorage _lake;

    public DrillLake(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        Options = new LakeSettings { ContainerName = settings["Lake:ContainerName"], LineageTableName = settings["Lake:LineageTableName"] };
        _lake = new LakeStorage(new BlobServiceClient(connectionString), new TableServiceClient(connectionString), Options, TimeProvider.System);
    }

    public LakeSettings Options { get; }

    /// <summary>Every partition's live commit and its lineage row's status, by <c>dataset/day</c>.</summary>
    public async Task<IReadOnlyDictionary<string, (string ContentHash, CommitStatus? Lineage)>> LiveAsync(Day first, int days)
    {
        var reader = new PartitionReader(_lake);
        var lineage = new LineageStore(_lake);
        var live = new Dictionary<string, (string, CommitStatus?)>(StringComparer.Ordinal);
        foreach (var dataset in Datasets)
        {
            for (var day = first; day <= first.AddDays(days - 1); day = day.AddDays(1))
            {
                var commit = await reader.GetLiveCommitAsync(dataset, day, TestContext.Current.CancellationToken);
                if (commit is not null)
                {
                    var row = await lineage.GetAsync(dataset, day, commit.CommitId, TestContext.Current.CancellationToken);
                    live[$"{dataset}/{day}"] = (commit.ContentHash, row?.Status);
                }
            }
        }

        return live;
    }
}
