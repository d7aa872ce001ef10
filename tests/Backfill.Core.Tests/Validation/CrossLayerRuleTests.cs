using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class CrossLayerRuleTests
{
    [Theory]
    [InlineData(90, ValidationStatus.Pass)]
    [InlineData(100, ValidationStatus.Pass)]
    [InlineData(101, ValidationStatus.Fail)]
    public void CheckFeaturesEntities_AgainstStagingEntities_FailsWhenMore(long entities, ValidationStatus status)
    {
        var result = CrossLayerRule.CheckFeaturesEntities(entities, stagingEntitiesInWindow: 100);

        Assert.Equal(ValidationCheckNames.FeaturesEntities, result.Name);
        Assert.Equal(status, result.Status);
        Assert.Equal(entities, result.Observed);
        Assert.Equal(100, result.Threshold);
    }

    [Fact]
    public void CheckFeaturesEntities_TooMany_MessageNamesBothCounts()
    {
        Assert.Equal(
            "101 features entities: more than the 100 distinct staging entities in the window.",
            CrossLayerRule.CheckFeaturesEntities(101, 100).Message);
    }

    [Theory]
    [InlineData(999, ValidationStatus.Pass)]
    [InlineData(1_000, ValidationStatus.Pass)]
    [InlineData(1_001, ValidationStatus.Fail)]
    public void CheckStagingRows_AgainstRawRows_FailsWhenMore(long stagingRows, ValidationStatus status)
    {
        var result = CrossLayerRule.CheckStagingRows(stagingRows, rawRows: 1_000);

        Assert.Equal(ValidationCheckNames.StagingRows, result.Name);
        Assert.Equal(status, result.Status);
        Assert.Equal($"{stagingRows} staging rows: {(status == ValidationStatus.Pass ? "at most" : "more than")} the 1000 raw rows.", result.Message);
    }

    [Theory]
    [InlineData(995, 5, ValidationStatus.Pass)]
    [InlineData(990, 5, ValidationStatus.Fail)]
    [InlineData(1_000, 5, ValidationStatus.Fail)]
    public void CheckLandedLines_RawPlusQuarantined_MustEqualLanded(long rawRows, long quarantined, ValidationStatus status)
    {
        var result = CrossLayerRule.CheckLandedLines(rawRows, quarantined, landedLines: 1_000);

        Assert.Equal(ValidationCheckNames.LandedLines, result.Name);
        Assert.Equal(status, result.Status);
        Assert.Equal(rawRows + quarantined, result.Observed);
        Assert.Equal(1_000, result.Threshold);
    }

    [Fact]
    public void CheckLandedLines_LinesLost_MessageSaysHowMany()
    {
        Assert.Equal(
            "990 raw rows + 5 quarantined = 995, 1000 landed lines: 5 landed lines unaccounted for.",
            CrossLayerRule.CheckLandedLines(990, 5, 1_000).Message);
    }
}
