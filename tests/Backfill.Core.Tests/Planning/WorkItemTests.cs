using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using FsCheck.Xunit;

namespace Backfill.Core.Tests.Planning;

public sealed class WorkItemTests
{
    [Theory]
    [InlineData(Layer.Raw, "raw/2025-01-03")]
    [InlineData(Layer.Staging, "staging/2025-01-03")]
    [InlineData(Layer.Features, "features/2025-01-03")]
    public void Id_EachLayer_IsLowercaseLayerSlashDay(Layer layer, string id)
    {
        var item = new WorkItem(layer, Day.Parse("2025-01-03"));

        Assert.Equal(id, item.Id);
        Assert.Equal(id, item.ToString());
    }

    [Fact]
    public void Parse_StagingId_ReturnsLayerAndDay()
    {
        var item = WorkItem.Parse("staging/2025-01-03");

        Assert.Equal(new WorkItem(Layer.Staging, Day.Parse("2025-01-03")), item);
    }

    [Theory]
    [InlineData("Staging/2025-01-03")]
    [InlineData("landing/2025-01-03")]
    [InlineData("2025-01-03")]
    [InlineData("/2025-01-03")]
    [InlineData("")]
    public void Parse_NoKnownLayer_ThrowsNamingId(string id)
    {
        var error = Assert.Throws<FormatException>(() => WorkItem.Parse(id));

        var expected = $"'{id}' is not a work item id: expected raw, staging or features";
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ImpossibleDay_ThrowsNamingDay()
    {
        var error = Assert.Throws<FormatException>(() => WorkItem.Parse("raw/2025-02-30"));

        Assert.Equal("'2025-02-30' is not a calendar date: February 2025 has 28 days.", error.Message);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Parse_IdOfAnyItem_RoundTrips(WorkItem item)
    {
        Assert.Equal(item, WorkItem.Parse(item.Id));
    }
}
