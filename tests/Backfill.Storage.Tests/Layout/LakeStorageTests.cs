using System.ComponentModel.DataAnnotations;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Storage.Layout;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Layout;

public sealed class LakeStorageTests(AzuriteFixture azurite)
{
    public static TheoryData<LakeSettings, string> BadSettings => new()
    {
        { new LakeSettings { ContainerName = "Lake_1" }, nameof(LakeSettings.ContainerName) },
        { new LakeSettings { LineageTableName = "lineage-table" }, nameof(LakeSettings.LineageTableName) },
        { new LakeSettings { KeepPreviousCommits = 0 }, nameof(LakeSettings.KeepPreviousCommits) },
        { new LakeSettings { MaxMergeAttempts = 0 }, nameof(LakeSettings.MaxMergeAttempts) },
        { new LakeSettings { GarbageRetention = TimeSpan.Zero }, nameof(LakeSettings.GarbageRetention) },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Constructor_SettingOutOfRange_ThrowsNamingTheSetting(LakeSettings settings, string setting)
    {
        var error = Assert.Throws<ValidationException>(() => new LakeStorage(
            new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString), settings, TimeProvider.System));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
