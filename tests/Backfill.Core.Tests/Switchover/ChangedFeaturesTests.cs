using Backfill.Core.Features;
using Backfill.Core.Switchover;

namespace Backfill.Core.Tests.Switchover;

public sealed class ChangedFeaturesTests
{
    [Fact]
    public void Between_V1AndV2_IsTheRedefinedAmountOnly()
    {
        // avg_order_value_7d and purchases_28d are new in v2: nothing to drift from, so not "changed".
        Assert.Equal(["amount_7d"], ChangedFeatures.Between(FeatureVersions.V1, FeatureVersions.V2));
        Assert.Empty(ChangedFeatures.Between(FeatureVersions.V1, FeatureVersions.V1));
    }

    [Fact]
    public void InitialVersionOf_FeaturesIsV1_OtherNamesAreNoPointer()
    {
        Assert.Equal("features_v1", FeaturePointer.InitialVersionOf("features"));
        Assert.Null(FeaturePointer.InitialVersionOf("features_v1"));
        Assert.Null(FeaturePointer.InitialVersionOf(null));
    }
}
