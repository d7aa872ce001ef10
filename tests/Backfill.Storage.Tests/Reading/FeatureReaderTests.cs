using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Storage.Pointers;
using Backfill.Storage.Reading;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Reading;

public sealed class FeatureReaderTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2025-01-01");

    [Fact]
    public async Task ReadAsync_RangeWithAGap_ReturnsPublishedDaysAndNamesTheMissingOne()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(First, 4);
        await pipeline.BuildEventsAsync(First, 4);
        var published = new List<InputCommit>();
        foreach (var day in new[] { First, First.AddDays(1), First.AddDays(3) })
        {
            var result = await pipeline.FeaturesAsync(FeatureVersions.V2, day);
            published.Add(new InputCommit(FeatureVersions.V2.Name, day, result.Commit.CommitId));
        }

        var read = await new FeatureReader(pipeline.Reader, new PointerStore(lake)).ReadAsync(FeatureVersions.V2, First, First.AddDays(3), TestContext.Current.CancellationToken);

        Assert.Equal(published, read.Commits);
        Assert.Equal([First.AddDays(2)], read.Missing);
        Assert.Equal([First.Date, First.Date.AddDays(1), First.Date.AddDays(3)], read.Rows.Select(row => row.Date).Distinct());
        Assert.All(read.Rows, row => Assert.Equal(FeatureVersions.V2.Features.Count, row.Values.Length));
    }
}
