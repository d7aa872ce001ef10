using Backfill.Core.Buckets;
using Backfill.Core.Drift;
using Backfill.Core.Events;
using Backfill.Core.Generation;
using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class PartitionProfilesMergeTests
{
    private static readonly DateOnly Day = new(2025, 2, 1);

    // Null amounts at a spike rate, so null counts add up to something other than zero.
    private static readonly Lazy<List<ArrivedEvent>> Events = new(() => [.. new EventGenerator(new EventGeneratorOptions
        {
            EventsPerDay = 20_000,
            Faults = [new NullSpikeFault(Day, NullableColumn.Amount, 0.3)],
        })
        .Generate(Day)
        .Select(line => (line.ArrivalTime, EventLine.Parse(line.Text).Event))
        .Where(line => line.Event is not null)
        .Select(line => new ArrivedEvent(line.Event!, line.ArrivalTime))]);

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public void Merge_ProfilesOfBuckets_AddsUpToTheWholePartition(int buckets)
    {
        var whole = PartitionProfiles.OfEvents(Events.Value);
        var parts = BucketSplit.Split(Events.Value, row => row.Event.EntityId, BucketCount.Of(buckets))
            .Select(PartitionProfiles.OfEvents)
            .ToList();

        var merged = PartitionProfiles.Merge(parts);

        Assert.Equal(whole.RowCount, merged.RowCount);
        Assert.Equal(whole.Columns.Select(column => (column.Name, column.NullCount)), merged.Columns.Select(column => (column.Name, column.NullCount)));
        Assert.True(merged.Column("amount")!.NullCount > 0);
        var (expected, actual) = (whole.Column("amount")!.Numeric!.Summary, merged.Column("amount")!.Numeric!.Summary);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Mean, actual.Mean, 1e-9 * Math.Abs(expected.Mean));
        Assert.Equal(expected.StandardDeviation, actual.StandardDeviation, 1e-9 * expected.StandardDeviation);
        Assert.Equal(expected.Count, merged.Column("amount")!.Numeric!.Histogram.Total);
        Assert.All(merged.Columns.Where(column => column.Name != "amount"), column => Assert.Null(column.Numeric));
    }

    [Fact]
    public void Merge_OnePart_IsThatPart()
    {
        var part = PartitionProfiles.OfEvents(Events.Value);

        Assert.Same(part, PartitionProfiles.Merge([part]));
    }

    [Fact]
    public void Merge_NoPart_Throws() =>
        Assert.Throws<ArgumentException>(() => PartitionProfiles.Merge([]));

    [Fact]
    public void Merge_PartsWithoutNumbers_AddOnlyTheirNulls()
    {
        var numbers = new PartitionProfile(3, [ColumnProfile.OfNumbers("amount", [1.0, 2.0, null])]);
        var nulls = new PartitionProfile(2, [ColumnProfile.OfNumbers("amount", [null, null])]);

        var merged = PartitionProfiles.Merge([numbers, nulls]);

        Assert.Equal(5, merged.RowCount);
        Assert.Equal(3, merged.Column("amount")!.NullCount);
        Assert.Same(numbers.Column("amount")!.Numeric, merged.Column("amount")!.Numeric);
    }

    [Fact]
    public void Merge_NoPartWithNumbers_HasNoNumericProfile()
    {
        var nulls = new PartitionProfile(2, [ColumnProfile.OfNumbers("amount", [null, null])]);

        Assert.Null(PartitionProfiles.Merge([nulls, nulls]).Column("amount")!.Numeric);
    }

    [Theory]
    [InlineData(new[] { "a", "b" }, new[] { "a", "c" }, "'c'")]
    [InlineData(new[] { "a", "b" }, new[] { "b", "a" }, "'b'")]
    [InlineData(new[] { "a", "b" }, new[] { "a" }, "'b'")]
    [InlineData(new[] { "a" }, new[] { "a", "b" }, "'b'")]
    public void Merge_MismatchedColumns_ThrowsNamingTheColumn(string[] first, string[] second, string named)
    {
        static PartitionProfile Of(string[] names) => new(1, [.. names.Select(name => new ColumnProfile(name, 0, null))]);

        var error = Assert.Throws<ArgumentException>(() => PartitionProfiles.Merge([Of(first), Of(second)]));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
