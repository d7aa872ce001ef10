using Backfill.Core.Merging;

namespace Backfill.Core.Tests.Merging;

public sealed class RowMergeTests
{
    private static readonly IComparer<(string Key, int Value)> ByKey =
        Comparer<(string Key, int Value)>.Create((a, b) => string.CompareOrdinal(a.Key, b.Key));

    [Fact]
    public void Merge_OverlappingKeys_UpdatesMatchedInsertsNewKeepsOthers()
    {
        var result = RowMerge.Merge([("a", 1), ("b", 2)], [("b", 20), ("c", 30)], row => row.Item1, ByKey);

        Assert.Equal([("a", 1), ("b", 20), ("c", 30)], result.Rows);
        Assert.Equal((1, 1, 1), (result.Updated, result.Inserted, result.Kept));
    }

    [Fact]
    public void Merge_SameRowsAgain_ChangesNothing()
    {
        (string, int)[] rows = [("a", 1), ("b", 2)];

        var result = RowMerge.Merge(rows, rows, row => row.Item1, ByKey);

        Assert.Equal(rows, result.Rows);
        Assert.Equal(2, result.Updated);
    }

    [Fact]
    public void Merge_RepeatedKeyInIncoming_Throws()
    {
        Assert.Throws<ArgumentException>(() => RowMerge.Merge([], [("a", 1), ("a", 2)], row => row.Item1, ByKey));
    }

    [Fact]
    public void MergeCopies_LaterBuildOfAppendOnlyRows_EqualsLaterBuild()
    {
        (string, int)[] earlier = [("a", 1), ("a", 1), ("b", 2)];
        (string, int)[] later = [("a", 1), ("a", 1), ("b", 2), ("b", 2), ("c", 3)];

        Assert.Equal(later, RowMerge.MergeCopies(earlier, later, ByKey));
        Assert.Equal(later, RowMerge.MergeCopies(later, earlier, ByKey));
    }
}
