using Backfill.Storage.Layout;
using Backfill.Workflows.Tests.Support;

namespace Backfill.Workflows.Tests.Hosting;

public sealed class LakeSettingsTests
{
    [Theory]
    [InlineData("Lake:ContainerName", "Lake_1", nameof(LakeOptions.ContainerName))]
    [InlineData("Lake:LineageTableName", "lineage-table", nameof(LakeOptions.LineageTableName))]
    [InlineData("Lake:KeepPreviousCommits", "0", nameof(LakeOptions.KeepPreviousCommits))]
    [InlineData("Lake:MaxMergeAttempts", "0", nameof(LakeOptions.MaxMergeAttempts))]
    [InlineData("Lake:GarbageRetention", "00:00:00", nameof(LakeOptions.GarbageRetention))]
    [InlineData("Lake:GarbageRetention", "-1.00:00:00", nameof(LakeOptions.GarbageRetention))]
    public void Start_BadLakeSetting_FailsNamingTheSetting(string key, string value, string setting)
    {
        var error = StartupSettings.Validate(new() { [key] = value });

        Assert.NotNull(error);
        Assert.Equal(typeof(LakeOptions), error.OptionsType);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NoLakeSection_PassesWithTheDefaults()
    {
        Assert.Null(StartupSettings.Validate([]));
        Assert.Equal(new LakeOptions(), StartupSettings.Resolve<LakeOptions>([]));
    }

    [Fact]
    public void Bind_LakeSection_ReachesTheLake()
    {
        var lake = StartupSettings.Resolve<LakeOptions>(new() { ["Lake:ContainerName"] = "other-lake", ["Lake:GarbageRetention"] = "2.00:00:00" });

        Assert.Equal(("other-lake", TimeSpan.FromDays(2)), (lake.ContainerName, lake.GarbageRetention));
    }
}
