using System.ComponentModel.DataAnnotations;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Storage.Layout;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Layout;

public sealed class LakeStorageTests(AzuriteFixture azurite)
{
    public static TheoryData<LakeOptions, string> BadOptions => new()
    {
        { new LakeOptions { ContainerName = "Lake_1" }, nameof(LakeOptions.ContainerName) },
        { new LakeOptions { LineageTableName = "lineage-table" }, nameof(LakeOptions.LineageTableName) },
        { new LakeOptions { KeepPreviousCommits = 0 }, nameof(LakeOptions.KeepPreviousCommits) },
        { new LakeOptions { MaxMergeAttempts = 0 }, nameof(LakeOptions.MaxMergeAttempts) },
        { new LakeOptions { GarbageRetention = TimeSpan.Zero }, nameof(LakeOptions.GarbageRetention) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Constructor_SettingOutOfRange_ThrowsNamingTheSetting(LakeOptions options, string setting)
    {
        var error = Assert.Throws<ValidationException>(() => new LakeStorage(
            new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString), options, TimeProvider.System));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
