using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Features;
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
    private readonly BlobContainerClient _container;

    public DrillLake(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        Options = new LakeSettings { ContainerName = settings["Lake:ContainerName"], LineageTableName = settings["Lake:LineageTableName"] };
        _lake = new LakeStorage(new BlobServiceClient(connectionString), new TableServiceClient(connectionString), Options, TimeProvider.System);
        _container = new BlobServiceClient(connectionString).GetBlobContainerClient(Options.ContainerName);
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

    /// <summary>Every partition's live rows, each as one canonical line, sorted: equal for equal content in any layout.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> RowsAsync(Day first, int days)
    {
        var reader = new PartitionReader(_lake);
        var rows = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var dataset in Datasets)
        {
            for (var day = first; day <= first.AddDays(days - 1); day = day.AddDays(1))
            {
                if (await reader.GetLiveCommitAsync(dataset, day, TestContext.Current.CancellationToken) is not { } commit)
                {
                    continue;
                }

                IEnumerable<string> lines = dataset == FeatureVersions.V1.Name
                    ? (await reader.ReadFeaturesAsync(commit, FeatureVersions.V1, TestContext.Current.CancellationToken))
                        .Select(row => string.Join('|', [row.EntityId, row.Date.ToString("O", CultureInfo.InvariantCulture), .. row.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))]))
                    : (await reader.ReadEventsAsync(commit, TestContext.Current.CancellationToken)).Select(row => row.ToString());
                rows[$"{dataset}/{day}"] = [.. lines.Order(StringComparer.Ordinal)];
            }
        }

        return rows;
    }

    /// <summary>The workers (<c>machine/pid</c>) that staged the lake's buckets, from every bucket record in it.</summary>
    public async Task<IReadOnlySet<string>> BucketWorkersAsync()
    {
        var workers = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in _container.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            if (blob.Name.EndsWith("/_bucket.json", StringComparison.Ordinal))
            {
                var content = await _container.GetBlobClient(blob.Name).DownloadContentAsync(TestContext.Current.CancellationToken);
                using var json = JsonDocument.Parse(content.Value.Content.ToMemory());
                workers.Add(json.RootElement.GetProperty("worker").GetString()!);
            }
        }

        return workers;
    }
}
