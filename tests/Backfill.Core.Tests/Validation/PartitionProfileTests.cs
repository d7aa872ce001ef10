using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class PartitionProfileTests
{
    [Fact]
    public void Column_KnownAndUnknownName_FindsByOrdinalName()
    {
        var amount = new ColumnProfile("amount", 2, null);
        var profile = new PartitionProfile(10, [new ColumnProfile("entity_id", 0, null), amount]);

        Assert.Same(amount, profile.Column("amount"));
        Assert.Null(profile.Column("Amount"));
        Assert.Equal(["entity_id", "amount"], profile.Columns.Select(column => column.Name));
    }

    [Fact]
    public void Constructor_RepeatedColumn_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new PartitionProfile(10, [new ColumnProfile("a", 0, null), new ColumnProfile("a", 1, null)]));

        Assert.Equal("columns", error.ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Constructor_NullCountOutsideRows_ThrowsArgumentException(long nullCount)
    {
        var error = Assert.Throws<ArgumentException>(() => new PartitionProfile(10, [new ColumnProfile("a", nullCount, null)]));

        Assert.Equal("columns", error.ParamName);
    }

    [Fact]
    public void Constructor_NegativeRowCount_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionProfile(-1, []));
    }

    [Fact]
    public void WithoutValues_SmallColumn_KeepsEveryFigureButTheValues()
    {
        var profile = new PartitionProfile(3, [ColumnProfile.OfNumbers("amount", [1.0, null, 3.0]), ColumnProfile.OfValues("entity_id", ["a", "b", null])]);
        Assert.Equal([1.0, 3.0], profile.Column("amount")!.Numeric!.Values!);

        var stored = profile.WithoutValues();

        Assert.Null(stored.Column("amount")!.Numeric!.Values);
        Assert.Equal(profile.Column("amount")!.Numeric!.Summary, stored.Column("amount")!.Numeric!.Summary);
        Assert.Same(profile.Column("amount")!.Numeric!.Sketch, stored.Column("amount")!.Numeric!.Sketch);
        Assert.Equal(profile.Column("entity_id"), stored.Column("entity_id"));
    }
}
