using Backfill.Core.Reports;

namespace Backfill.Core.Tests.Reports;

public sealed class RowChangesTests
{
    [Fact]
    public void Of_AddedRemovedAndModifiedKeys_CountsEachOnce()
    {
        (string Key, int Value)[] before = [("a", 1), ("b", 2), ("c", 3)];
        (string Key, int Value)[] after = [("a", 1), ("b", 20), ("d", 4), ("e", 5)];

        var changes = RowChanges.Of(before, after, row => row.Key);

        Assert.Equal(new RowChanges(Added: 2, Removed: 1, Modified: 1), changes);
        Assert.Equal(4, changes.Changed);
    }

    [Fact]
    public void Of_SameRowsInAnotherOrder_ChangesNothing()
    {
        (string Key, int Value)[] rows = [("a", 1), ("b", 2), ("b", 2), ("c", 3)];

        var changes = RowChanges.Of(rows, rows.Reverse(), row => row.Key);

        Assert.Equal(0, changes.Changed);
    }

    [Fact]
    public void Of_AnExtraCopyUnderAKey_IsThatKeyModified()
    {
        // Raw keeps every landed copy of an event: a late copy under a known id changes that key's rows.
        (string Key, int Value)[] before = [("a", 1), ("b", 2)];
        (string Key, int Value)[] after = [("a", 1), ("a", 1), ("b", 2)];

        Assert.Equal(new RowChanges(0, 0, 1), RowChanges.Of(before, after, row => row.Key));
    }

    [Fact]
    public void Of_NothingBefore_EveryKeyIsAdded()
    {
        (string Key, int Value)[] after = [("a", 1), ("b", 2)];

        Assert.Equal(new RowChanges(2, 0, 0), RowChanges.Of([], after, row => row.Key));
    }

    [Fact]
    public void Sum_OfDisjointParts_EqualsTheChangesOfTheWhole()
    {
        (string Key, int Value)[] before = [("a", 1), ("b", 2), ("c", 3), ("x", 9)];
        (string Key, int Value)[] after = [("a", 1), ("b", 20), ("d", 4), ("x", 9), ("y", 8)];
        static bool InFirst((string Key, int Value) row) => row.Key[0] < 'c';

        var sum = RowChanges.Sum(
        [
            RowChanges.Of(before.Where(InFirst), after.Where(InFirst), row => row.Key),
            RowChanges.Of(before.Where(row => !InFirst(row)), after.Where(row => !InFirst(row)), row => row.Key),
        ]);

        Assert.Equal(RowChanges.Of(before, after, row => row.Key), sum);
        Assert.Equal(new RowChanges(Added: 2, Removed: 1, Modified: 1), sum);
    }
}
