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
}
