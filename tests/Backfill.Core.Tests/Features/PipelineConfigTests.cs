using Backfill.Core.Features;
using Backfill.Core.Layers;

namespace Backfill.Core.Tests.Features;

public sealed class PipelineConfigTests
{
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
}
