using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Lineage;
using Backfill.Storage.Reading;

namespace Backfill.LocalHost.Tests.Orchestrators;

/// <summary>
/// Reads a lake's live partitions back file by file, independently of the commit code: every partition of a range
/// must be whole (its manifest's files all present with the bytes and hashes recorded, its lineage row published
/// with the same content hash).
/// </summary>
internal static class LakeAudit
{
    public static readonly string[] Datasets = ["raw", "staging", "features_v1"];

    /// <summary>Asserts every partition of the days is whole and returns its live content hash by <c>dataset/day</c>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> WholeAsync(string connectionString, LakeSettings options, Day first, Day last)
    {
        var cancel = TestContext.Current.CancellationToken;
        var lake = new LakeStorage(new BlobServiceClient(connectionString), new TableServiceClient(connectionString), options, TimeProvider.System);
        var reader = new PartitionReader(lake);
        var lineage = new LineageStore(lake);
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient(options.ContainerName);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dataset in Datasets)
        {
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                var partition = $"{dataset}/{day}";
                var commit = (await reader.GetManifestAsync(dataset, day, cancel))?.Commit;
                Assert.True(commit is not null, $"{partition} has no live commit");
                var fileHashes = new StringBuilder();
                foreach (var file in commit.Files)
                {
                    byte[] bytes;
                    try
                    {
                        bytes = (await container.GetBlobClient($"{dataset}/{day.PathSegment}/commit={commit.CommitId}/{file.Name}").DownloadContentAsync(cancel)).Value.Content.ToArray();
                    }
                    catch (RequestFailedException ex) when (ex.Status == 404)
                    {
                        Assert.Fail($"{partition}: {file.Name} of live commit {commit.CommitId} is missing");
                        throw;
                    }

                    Assert.True(file.Bytes == bytes.Length, $"{partition}: {file.Name} has {bytes.Length} bytes, the manifest says {file.Bytes}");
                    Assert.True(file.Sha256 == Convert.ToHexStringLower(SHA256.HashData(bytes)), $"{partition}: {file.Name} does not match its manifest hash");
                    fileHashes.Append(CultureInfo.InvariantCulture, $"{file.Name}:{file.Sha256}\n");
                }

                // The documented content hash: SHA-256 over the files' names and hashes, in file order.
                Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileHashes.ToString()))), commit.ContentHash);
                var row = await lineage.GetAsync(dataset, day, commit.CommitId, cancel);
                Assert.True(row?.Status == CommitStatus.Published, $"{partition}: lineage of live commit {commit.CommitId} is {row?.Status.ToString() ?? "missing"}");
                Assert.Equal(commit.ContentHash, row!.ContentHash);
                hashes[partition] = commit.ContentHash;
            }
        }

        return hashes;
    }
}
