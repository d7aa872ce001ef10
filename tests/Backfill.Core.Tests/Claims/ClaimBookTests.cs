using Backfill.Core.Claims;
using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Claims;

public sealed class ClaimBookTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PartitionSetParseOptions Options = new();

    private static Dictionary<string, PartitionSet> Wanted(params (string Dataset, string Days)[] datasets) =>
        datasets.ToDictionary(d => d.Dataset, d => PartitionSetParser.Parse(d.Days, Options));

    private static Dictionary<string, PartitionSet> AllLayers(string target, string days) => Wanted(("raw", days), ("staging", days), (target, days));

    [Fact]
    public void Claim_TwoFeatureVersionsSameDays_SecondRefusedNamingRawFirst()
    {
        var claims = new Dictionary<string, RunClaim>();
        var book = new ClaimBook(claims);
        book.Claim("bf-v1", false, AllLayers("features_v1", "2025-01-01..2025-01-20"), false, [], T0);

        var second = book.Claim("bf-v2", false, AllLayers("features_v2", "2025-01-15..2025-02-10"), false, [], T0);

        Assert.True(second.Refused);
        var first = second.Conflicts[0];
        Assert.Equal(("bf-v1", "raw", 6), (first.RunId, first.Dataset, first.Days));
        Assert.Equal(["2025-01-15", "2025-01-16", "2025-01-17", "2025-01-18", "2025-01-19"], first.FirstDays);
        Assert.Equal(["raw", "staging"], second.Conflicts.Select(c => c.Dataset));
        Assert.False(claims.ContainsKey("bf-v2"));
    }

    [Fact]
    public void Claim_FeaturesOnlyOfOtherVersion_IsGranted()
    {
        var book = new ClaimBook(new Dictionary<string, RunClaim>());
        book.Claim("bf-v1", false, AllLayers("features_v1", "2025-01-01..2025-01-20"), false, [], T0);

        var second = book.Claim("bf-v2", false, Wanted(("features_v2", "2025-01-01..2025-01-20")), false, [], T0);

        Assert.Empty(second.Conflicts);
        Assert.Equal("2025-01-01..2025-01-20", second.Held["features_v2"]);
    }

    [Fact]
    public void Claim_Wait_HoldsTheFreePartAndGetsTheRestOnceReleased()
    {
        var book = new ClaimBook(new Dictionary<string, RunClaim>());
        book.Claim("bf-a", false, Wanted(("raw", "2025-01-01..2025-01-10")), false, [], T0);

        var waiting = book.Claim("bf-b", false, Wanted(("raw", "2025-01-05..2025-01-15")), true, [], T0);
        Assert.Equal("2025-01-11..2025-01-15", waiting.Held["raw"]);
        Assert.Equal(6, Assert.Single(waiting.Conflicts).Days);
        Assert.False(waiting.Refused);
        Assert.False(book.Claim("bf-c", false, Wanted(("raw", "2025-01-01..2025-01-02")), true, [], T0).Refused);

        Assert.True(book.Release("bf-a"));
        var after = book.Claim("bf-b", false, Wanted(("raw", "2025-01-05..2025-01-15")), true, [], T0.AddMinutes(1));
        Assert.Equal("2025-01-05..2025-01-15", after.Held["raw"]);
        Assert.Empty(after.Conflicts);
    }

    [Fact]
    public void Claim_Daily_TakesDaysFromBackfillWhichWaitsForThem()
    {
        var claims = new Dictionary<string, RunClaim>();
        var book = new ClaimBook(claims);
        book.Claim("bf-a", false, AllLayers("features_v1", "2025-01-01..2025-01-31"), false, [], T0);

        var daily = book.Claim("daily-2025-02-02", true, AllLayers("features_v1", "2025-01-27..2025-01-31"), false, [], T0);

        Assert.Equal("2025-01-27..2025-01-31", daily.Held["raw"]);
        Assert.Equal(["bf-a"], daily.Conflicts.Select(c => c.RunId).Distinct());
        Assert.Equal("2025-01-01..2025-01-26", claims["bf-a"].Datasets["raw"]);
        var backfill = book.Claim("bf-a", false, AllLayers("features_v1", "2025-01-01..2025-01-31"), true, [], T0);
        Assert.Equal("2025-01-01..2025-01-26", backfill.Held["staging"]);
        Assert.All(backfill.Conflicts, c => Assert.True(c.Daily));

        book.Release("daily-2025-02-02");
        Assert.Equal("2025-01-01..2025-01-31", book.Claim("bf-a", false, AllLayers("features_v1", "2025-01-01..2025-01-31"), true, [], T0).Held["features_v1"]);
    }

    [Fact]
    public void Claim_ExpiredLease_IsFreeButRenewedOneIsNot()
    {
        var book = new ClaimBook(new Dictionary<string, RunClaim>());
        book.Claim("bf-old", false, Wanted(("raw", "2025-01-01")), false, [], T0);
        book.Claim("bf-kept", false, Wanted(("raw", "2025-01-02")), false, [], T0);
        book.Renew("bf-kept", T0 + ClaimBook.Lease);

        var later = T0 + ClaimBook.Lease + TimeSpan.FromSeconds(1);
        Assert.Empty(book.Claim("bf-new", false, Wanted(("raw", "2025-01-01")), false, [], later).Conflicts);
        Assert.True(book.Claim("bf-new", false, Wanted(("raw", "2025-01-02")), false, [], later).Refused);
    }

    [Fact]
    public void Claim_EvictedHolder_IsReleasedOnTheSpot()
    {
        var book = new ClaimBook(new Dictionary<string, RunClaim>());
        book.Claim("bf-dead", false, Wanted(("raw", "2025-01-01..2025-12-31")), false, [], T0);

        var result = book.Claim("bf-new", false, Wanted(("raw", "2025-06-01")), false, ["bf-dead"], T0);

        Assert.Empty(result.Conflicts);
        Assert.False(book.Release("bf-dead"));
    }

    [Fact]
    public void Claim_TenYears_StoresOneRangePerDataset()
    {
        var claims = new Dictionary<string, RunClaim>();
        new ClaimBook(claims).Claim("bf-big", false, AllLayers("features_v1", "2015-01-01..2025-01-07"), false, [], T0);

        Assert.All(claims["bf-big"].Datasets.Values, v => Assert.Equal("2015-01-01..2025-01-07", v));
    }
}
