using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using FsCheck.Xunit;

namespace Backfill.Core.Tests.Layers;

public sealed class LayerDependenciesTests
{
    private static readonly LayerDependencies Window3 = new(featureWindowDays: 3);

    [Fact]
    public void Constructor_NoWindow_UsesSevenDays()
    {
        Assert.Equal(7, new LayerDependencies().FeatureWindowDays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public void Constructor_WindowBelowOneDay_ThrowsNamingParameter(int window)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LayerDependencies(window));

        Assert.Equal("featureWindowDays", error.ParamName);
    }

    [Fact]
    public void Upstream_Raw_IsNothingInThePipeline()
    {
        Assert.Empty(Window3.Upstream(WorkItem.Parse("raw/2025-01-10")));
    }

    [Fact]
    public void Upstream_Staging_IsRawOfSameDay()
    {
        Assert.Equal(["raw/2025-01-10"], Ids(Window3.Upstream(WorkItem.Parse("staging/2025-01-10"))));
    }

    [Fact]
    public void Upstream_Features_IsStagingOverTheWindowEndingThatDay()
    {
        Assert.Equal(
            ["staging/2024-12-30", "staging/2024-12-31", "staging/2025-01-01"],
            Ids(Window3.Upstream(WorkItem.Parse("features/2025-01-01"))));
    }

    [Fact]
    public void Upstream_FeaturesWithWindow28_Reads28StagingDays()
    {
        var upstream = new LayerDependencies(28).Upstream(WorkItem.Parse("features/2025-03-01"));

        Assert.Equal(28, upstream.Count);
        Assert.Equal("staging/2025-02-02", upstream[0].Id);
        Assert.Equal("staging/2025-03-01", upstream[^1].Id);
    }

    [Fact]
    public void Upstream_FeaturesOnFirstCalendarDay_ClipsWindowToCalendar()
    {
        Assert.Equal(["staging/0001-01-01"], Ids(Window3.Upstream(WorkItem.Parse("features/0001-01-01"))));
    }

    [Fact]
    public void Downstream_Raw_IsStagingOfSameDay()
    {
        Assert.Equal(["staging/2025-01-10"], Ids(Window3.Downstream(WorkItem.Parse("raw/2025-01-10"))));
    }

    [Fact]
    public void Downstream_Staging_IsFeaturesWhoseWindowIncludesThatDay()
    {
        Assert.Equal(
            ["features/2024-12-31", "features/2025-01-01", "features/2025-01-02"],
            Ids(Window3.Downstream(WorkItem.Parse("staging/2024-12-31"))));
    }

    [Fact]
    public void Downstream_Features_IsNothing()
    {
        Assert.Empty(Window3.Downstream(WorkItem.Parse("features/2025-01-10")));
    }

    [Fact]
    public void Invalidated_Raw_IsStagingThenFeaturesOverTheWindow()
    {
        Assert.Equal(
            ["staging/2025-01-10", "features/2025-01-10", "features/2025-01-11", "features/2025-01-12"],
            Ids(Window3.Invalidated(WorkItem.Parse("raw/2025-01-10"))));
    }

    [Fact]
    public void Invalidated_RawWithDefaultWindow_IsStagingAndSevenFeatureDays()
    {
        var invalidated = new LayerDependencies().Invalidated(WorkItem.Parse("raw/2025-01-30"));

        Assert.Equal(8, invalidated.Count);
        Assert.Equal("staging/2025-01-30", invalidated[0].Id);
        Assert.Equal("features/2025-02-05", invalidated[^1].Id);
    }

    [Fact]
    public void Invalidated_Staging_IsFeaturesOverTheWindow()
    {
        Assert.Equal(
            ["features/2025-01-10", "features/2025-01-11", "features/2025-01-12"],
            Ids(Window3.Invalidated(WorkItem.Parse("staging/2025-01-10"))));
    }

    [Fact]
    public void Invalidated_Features_IsNothing()
    {
        Assert.Empty(Window3.Invalidated(WorkItem.Parse("features/2025-01-10")));
    }

    [Fact]
    public void Upstream_UndefinedLayer_ThrowsNamingItem()
    {
        var item = new WorkItem((Layer)7, Day.Parse("2025-01-10"));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Window3.Upstream(item));

        Assert.Equal("item", error.ParamName);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Downstream_AnyItem_IsExactlyTheItemsThatReadIt(WorkItem item, byte window)
    {
        var dependencies = new LayerDependencies(window % 40 + 1);

        foreach (var reader in dependencies.Downstream(item))
        {
            Assert.Contains(item, dependencies.Upstream(reader));
        }

        foreach (var input in dependencies.Upstream(item))
        {
            Assert.Contains(item, dependencies.Downstream(input));
        }
    }

    private static string[] Ids(IEnumerable<WorkItem> items) => [.. items.Select(item => item.Id)];
}
