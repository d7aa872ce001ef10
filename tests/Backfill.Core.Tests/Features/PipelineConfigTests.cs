using Backfill.Core.Buckets;
using Backfill.Core.Features;
using Backfill.Core.Layers;

namespace Backfill.Core.Tests.Features;

public sealed class PipelineConfigTests
{
    private static readonly int[] Counts = [1, 2, 8, 256];

    [Fact]
    public void ConfigHashOf_EventLayers_DoNotDependOnTheFeatureVersion()
    {
        Assert.Equal(PipelineConfig.ConfigHashOf(Layer.Raw, FeatureVersions.V1), PipelineConfig.ConfigHashOf(Layer.Raw, FeatureVersions.V2));
        Assert.Equal(PipelineConfig.EventsConfigHash, PipelineConfig.ConfigHashOf(Layer.Staging, FeatureVersions.V2));
    }

    [Fact]
    public void ConfigHashOf_Features_IsTheTargetsHash()
    {
        Assert.Equal(FeatureVersions.V2.ConfigHash, PipelineConfig.ConfigHashOf(Layer.Features, FeatureVersions.V2));
        Assert.NotEqual(FeatureVersions.V1.ConfigHash, FeatureVersions.V2.ConfigHash);
    }

    [Fact]
    public void ConfigHashOf_OneBucket_IsTheHashBeforeBucketsExisted()
    {
        Assert.Equal(PipelineConfig.ConfigHashOf(Layer.Raw, FeatureVersions.V1), PipelineConfig.ConfigHashOf(Layer.Raw, FeatureVersions.V1, BucketCount.One));
        Assert.Equal(FeatureVersions.V1.ConfigHash, PipelineConfig.ConfigHashOf(Layer.Features, FeatureVersions.V1, BucketCount.One));
    }

    [Fact]
    public void ConfigHashOf_MoreBuckets_IsAnotherHashPerCount()
    {
        var hashes = Counts.Select(count => PipelineConfig.ConfigHashOf(Layer.Features, FeatureVersions.V1, BucketCount.Of(count))).ToList();

        Assert.Equal(hashes.Count, hashes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(hashes, hash => Assert.StartsWith("sha256:", hash, StringComparison.Ordinal));
        Assert.NotEqual(
            PipelineConfig.ConfigHashOf(Layer.Features, FeatureVersions.V1, BucketCount.Of(8)),
            PipelineConfig.ConfigHashOf(Layer.Features, FeatureVersions.V2, BucketCount.Of(8)));
    }
}
