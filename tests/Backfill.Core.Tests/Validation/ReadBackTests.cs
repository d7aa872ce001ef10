using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class ReadBackTests
{
    private static readonly ValidationResult Pass = new(ValidationCheckNames.Schema, null, ValidationStatus.Pass, 0, 0, "Schema matches.");

    [Fact]
    public void Merge_Buckets_CountsAddUpAndProfilesMerge()
    {
        ReadBack[] parts =
        [
            Part(rows: 3, duplicates: 0, example: null, entities: 3, upstream: 4, amounts: [1, 2, 3]),
            Part(rows: 2, duplicates: 1, example: "e7|2025-01-01", entities: 1, upstream: 2, amounts: [10, 20]),
        ];

        var merged = ReadBack.Merge(parts);

        Assert.Equal((5L, 4L, 6L), (merged.RowsRead!.Value, merged.Entities!.Value, merged.UpstreamEntities!.Value));
        Assert.Equal((1L, "e7|2025-01-01"), (merged.Duplicates!.DuplicateCount, merged.Duplicates.ExampleKey));
        Assert.Equal(5, merged.Profile!.RowCount);
        Assert.Equal(ColumnProfile.OfNumbers("amount", [1, 2, 3, 10, 20]), merged.Profile.Column("amount"), ColumnEquality.Instance);
        Assert.Null(merged.Quarantined);
    }

    [Fact]
    public void Merge_OneBucketUnreadable_TheDayIsUnreadableWithItsSchemaFailure()
    {
        var failure = new ValidationResult(ValidationCheckNames.Schema, null, ValidationStatus.Fail, 1, 0, "Schema differs: missing 'amount'.");

        var merged = ReadBack.Merge([Part(1, 0, null, 1, 1, [1]), new ReadBack(failure, null, null, null, null, null, null)]);

        Assert.Equal(failure, merged.Schema);
        Assert.Null(merged.RowsRead);
        Assert.Null(merged.Profile);
    }

    [Fact]
    public void Merge_NoParts_Throws() => Assert.Throws<ArgumentException>(() => ReadBack.Merge([]));

    private static ReadBack Part(long rows, long duplicates, string? example, long entities, long upstream, double[] amounts) => new(
        Pass, rows, new DuplicateKeys(["entity_id", "date"], duplicates, example), entities, upstream, null,
        new PartitionProfile(rows, [ColumnProfile.OfNumbers("amount", [.. amounts.Select(a => (double?)a)])]));

    // Records holding lists compare by reference; the figures are what must match.
    private sealed class ColumnEquality : IEqualityComparer<ColumnProfile?>
    {
        public static ColumnEquality Instance { get; } = new();

        public bool Equals(ColumnProfile? x, ColumnProfile? y) =>
            x is not null && y is not null && x.NullCount == y.NullCount
            && x.Numeric!.Summary == y.Numeric!.Summary
            && x.Numeric.Histogram.Counts.SequenceEqual(y.Numeric.Histogram.Counts)
            && x.Numeric.Histogram.Edges.SequenceEqual(y.Numeric.Histogram.Edges)
            && x.Numeric.Sketch!.SequenceEqual(y.Numeric.Sketch!);

        public int GetHashCode(ColumnProfile? obj) => 0;
    }
}
