using Backfill.Core.Landing;

namespace Backfill.Core.Tests.Landing;

public sealed class MapGroupsTests
{
    [Fact]
    public void Assign_FilesFillAGroupUpToTheBoundThenStartTheNext()
    {
        Assert.Equal([0, 0, 0, 1, 1, 2], MapGroups.Assign([40, 30, 30, 60, 40, 10], 100));
    }

    [Fact]
    public void Assign_AFileLargerThanTheBound_IsAGroupOfItsOwn()
    {
        Assert.Equal([0, 1, 2], MapGroups.Assign([10, 500, 10], 100));
    }

    [Fact]
    public void Assign_NoFiles_NoGroups()
    {
        Assert.Empty(MapGroups.Assign([], 100));
    }

    [Fact]
    public void Assign_NoGroupReadsMoreThanTheBoundUnlessItIsOneFile()
    {
        var random = new Random(7);
        var sizes = Enumerable.Range(0, 500).Select(_ => (long)random.Next(0, 300)).ToArray();

        var groups = MapGroups.Assign(sizes, 256);

        var byGroup = sizes.Zip(groups).GroupBy(pair => pair.Second).ToList();
        Assert.Equal(Enumerable.Range(0, byGroup.Count), byGroup.Select(group => group.Key));
        Assert.All(byGroup, group => Assert.True(group.Count() == 1 || group.Sum(pair => pair.First) <= 256, $"group {group.Key} reads too much"));
        // Greedy: a group and the first file of the next would have crossed the bound.
        Assert.All(byGroup.Zip(byGroup.Skip(1)), pair => Assert.True(pair.First.Sum(p => p.First) + pair.Second.First().First > 256));
    }

    [Fact]
    public void Assign_NonPositiveBound_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MapGroups.Assign([1], 0));
    }
}
