using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Building;

public sealed class FeatureVersionPartitionTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2025-01-01");
    private static readonly Day Day = First.AddDays(27);

    [Fact]
    public async Task FeaturesAsync_V2_Reads28StagingDaysAndExcludesRefundsFromAmount7d()
    {
        var pipeline = new Pipeline(await TestLake.CreateAsync(azurite));
        var options = Pipeline.SmallVolume with { EventsPerDay = 100, EntityCount = 20 };
        await pipeline.SeedAsync(First, 28, options);
        await pipeline.BuildEventsAsync(First, 28);
        var ct = TestContext.Current.CancellationToken;

        var v1 = await pipeline.FeaturesAsync(FeatureVersions.V1, Day);
        var v2 = await pipeline.FeaturesAsync(FeatureVersions.V2, Day);

        Assert.Equal(7, v1.Commit.Lineage.Inputs.Count);
        Assert.Equal(28, v2.Commit.Lineage.Inputs.Count);
        Assert.Equal((FeatureVersions.V1.ConfigHash, FeatureVersions.V2.ConfigHash), (v1.Commit.Lineage.ConfigHash, v2.Commit.Lineage.ConfigHash));
        var rows1 = (await pipeline.Reader.ReadFeaturesAsync(v1.Commit, FeatureVersions.V1, ct)).ToDictionary(row => row.EntityId);
        var rows2 = await pipeline.Reader.ReadFeaturesAsync(v2.Commit, FeatureVersions.V2, ct);
        var amount7d = Column("amount_7d");
        Assert.Equal(rows1.Keys.Order(StringComparer.Ordinal), rows2.Select(row => row.EntityId));
        Assert.All(rows2, row => Assert.True(row.Values[amount7d] >= rows1[row.EntityId].Values[amount7d]));
        Assert.Contains(rows2, row => row.Values[amount7d] > rows1[row.EntityId].Values[amount7d]);
        Assert.Contains(rows2, row => row.Values[Column("purchases_28d")] > row.Values[Column("purchases_7d")]);
    }

    private static int Column(string feature) =>
        FeatureVersions.V2.Features.Select(definition => definition.Name).ToList().IndexOf(feature);
}
