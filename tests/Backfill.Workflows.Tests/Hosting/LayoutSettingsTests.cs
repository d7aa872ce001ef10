using Backfill.Core.Buckets;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Tests.Support;

namespace Backfill.Workflows.Tests.Hosting;

public sealed class LayoutSettingsTests
{
    [Fact]
    public void For_NothingConfigured_IsOneBucketAndNothingIsPinned()
    {
        var layout = StartupSettings.Resolve<LayoutSettings>([]);

        Assert.Equal(BucketCount.One, layout.For("features_v2"));
        Assert.Empty(layout.Pinned(["raw", "staging", "features_v2"]));
    }

    [Fact]
    public void Pinned_SplitDatasets_NamesOnlyThoseARunWritesWithMoreThanOneBucket()
    {
        var layout = StartupSettings.Resolve<LayoutSettings>(new()
        {
            ["Layout:Buckets:staging"] = "8",
            ["Layout:Buckets:features_v2"] = "64",
            ["Layout:Buckets:features_v1"] = "1",
        });

        Assert.Equal(64, layout.For("features_v2").Value);
        Assert.Equal(new Dictionary<string, int> { ["staging"] = 8, ["features_v2"] = 64 }, layout.Pinned(["raw", "staging", "features_v2"]));
        Assert.Empty(layout.Pinned(["raw", "features_v1"]));
    }

    [Theory]
    [InlineData("Layout:Buckets:staging", "6", "Layout:Buckets:staging: 6 is not a power of two from 1 to 256.")]
    [InlineData("Layout:Buckets:features_v1", "512", "Layout:Buckets:features_v1: 512 is not a power of two from 1 to 256.")]
    [InlineData("Layout:Buckets:features_v1", "0", "Layout:Buckets:features_v1: 0 is not a power of two from 1 to 256.")]
    [InlineData("Layout:Buckets:features_v9", "8", "Layout:Buckets:features_v9: no such dataset")]
    [InlineData("Layout:MapGroupBytes", "0", "Layout:MapGroupBytes: 0 is below 4096 bytes")]
    [InlineData("Layout:MapGroupBytes", "4095", "Layout:MapGroupBytes: 4095 is below 4096 bytes")]
    public void Validate_BadLayout_FailsAtStartNamingTheSetting(string key, string value, string message)
    {
        var error = StartupSettings.Validate(new() { [key] = value });

        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
