using Backfill.Storage.Layout;
using Backfill.Workflows.Tests.Support;

namespace Backfill.Workflows.Tests.Hosting;

public sealed class LakeSettingsTests
{
    [Theory]
    [InlineData("Lake:ContainerName", "Lake_1", nameof(LakeSettings.ContainerName))]
    [InlineData("Lake:LineageTableName", "lineage-table", nameof(LakeSettings.LineageTableName))]
    [InlineData("Lake:KeepPreviousCommits", "0", nameof(LakeSettings.KeepPreviousCommits))]
    [InlineData("Lake:MaxMergeAttempts", "0", nameof(LakeSettings.MaxMergeAttempts))]
    [InlineData("Lake:GarbageRetention", "00:00:00", nameof(LakeSettings.GarbageRetention))]
    [InlineData("Lake:GarbageRetention", "-1.00:00:00", nameof(LakeSettings.GarbageRetention))]
    public void Start_BadLakeSetting_FailsNamingTheSetting(string key, string value, string setting)
    {
        var error = StartupSettings.Validate(new() { [key] = value });

        Assert.NotNull(error);
        Assert.Equal(typeof(LakeSettings), error.OptionsType);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NoLakeSection_PassesWithTheDefaults()
    {
        Assert.Null(StartupSettings.Validate([]));
        Assert.Equal(new LakeSettings(), StartupSettings.Resolve<LakeSettings>([]));
    }

    [Fact]
    public void Bind_LakeSection_ReachesTheLake()
    {
        var lake = StartupSettings.Resolve<LakeSettings>(new() { ["Lake:ContainerName"] = "other-lake", ["Lake:GarbageRetention"] = "2.00:00:00" });

        Assert.Equal(("other-lake", TimeSpan.FromDays(2)), (lake.ContainerName, lake.GarbageRetention));
    }
}
