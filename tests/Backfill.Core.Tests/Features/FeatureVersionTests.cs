using Backfill.Core.Features;

namespace Backfill.Core.Tests.Features;

public sealed class FeatureVersionTests
{
    [Fact]
    public void V1_Features_AreTheIssuesList()
    {
        Assert.Equal(
            ["events_1d", "purchases_1d", "amount_1d", "events_7d", "purchases_7d", "amount_7d", "distinct_event_types_7d", "days_active_7d"],
            FeatureVersions.V1.Features.Select(feature => feature.Name));
        Assert.Equal(7, FeatureVersions.V1.InputWindowDays);
    }

    [Fact]
    public void V2_Features_AddOrderValueAnd28Days()
    {
        Assert.Equal(
            [.. FeatureVersions.V1.Features.Select(feature => feature.Name), "avg_order_value_7d", "purchases_28d"],
            FeatureVersions.V2.Features.Select(feature => feature.Name));
        Assert.Equal(28, FeatureVersions.V2.InputWindowDays);
    }

    [Fact]
    public void CanonicalText_Amount7d_V2ExcludesRefunds()
    {
        Assert.Contains("amount_7d = sum(amount | event_type in {purchase,refund}) over 7d\n", FeatureVersions.V1.CanonicalText, StringComparison.Ordinal);
        Assert.Contains("amount_7d = sum(amount | event_type in {purchase}) over 7d\n", FeatureVersions.V2.CanonicalText, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigHash_SameDefinitions_IsEqualAndFormatted()
    {
        var rebuilt = new FeatureVersion(FeatureVersions.V1.Name, [.. FeatureVersions.V1.Features]);

        Assert.Equal(FeatureVersions.V1.ConfigHash, rebuilt.ConfigHash);
        Assert.Equal(FeatureVersions.V1, rebuilt);
        Assert.Matches("^sha256:[0-9a-f]{64}$", FeatureVersions.V1.ConfigHash);
    }

    [Fact]
    public void ConfigHash_ChangedWindow_Differs()
    {
        var changed = new FeatureVersion(
            FeatureVersions.V1.Name,
            [.. FeatureVersions.V1.Features.Select(feature => feature.Name == "events_7d" ? feature with { WindowDays = 6 } : feature)]);

        Assert.NotEqual(FeatureVersions.V1.ConfigHash, changed.ConfigHash);
        Assert.NotEqual(FeatureVersions.V1.ConfigHash, FeatureVersions.V2.ConfigHash);
    }

    [Fact]
    public void Constructor_DuplicateName_Throws()
    {
        var feature = FeatureVersions.V1.Features[0];

        Assert.Throws<ArgumentException>(() => new FeatureVersion("features_x", [feature, feature]));
    }

    [Fact]
    public void Get_UnknownDataset_ThrowsNamingKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => FeatureVersions.Get("features_v9"));

        Assert.Contains("features_v1, features_v2", error.Message, StringComparison.Ordinal);
        Assert.Same(FeatureVersions.V2, FeatureVersions.Get("features_v2"));
    }

    [Fact]
    public void Previous_V2_IsV1AndV1HasNone()
    {
        Assert.Same(FeatureVersions.V1, FeatureVersions.Previous(FeatureVersions.V2));
        Assert.Null(FeatureVersions.Previous(FeatureVersions.V1));
    }

    [Fact]
    public void ChangedFeatures_V1ToV2_IsOnlyTheRedefinedAmount7d()
    {
        // New features (avg_order_value_7d, purchases_28d) have no v1 counterpart, so they are not "changed".
        Assert.Equal(["amount_7d"], FeatureVersions.ChangedFeatures(FeatureVersions.V1, FeatureVersions.V2));
        Assert.Empty(FeatureVersions.ChangedFeatures(FeatureVersions.V1, FeatureVersions.V1));
    }
}
