using Backfill.Core.Landing;

namespace Backfill.Core.Tests.Landing;

public sealed class MapGroupsTests
{
    [Fact]
    public void Assign_FilesFillAGroupUpToTheBoundThenStartTheNext()
    {
        Assert.Equal([0, 0, 0, 1, 1, 2], MapGroups.Assign([40, 30, 30, 60, 40, 10], 100).Select(placement => placement.Group));
    }

    [Fact]
    public void Assign_AFileLargerThanTheBound_IsCutIntoPiecesOfTheirOwnGroups()
    {
        Assert.Equal(
            [new MapPlacement(0, 1), new MapPlacement(1, 5), new MapPlacement(6, 1), new MapPlacement(6, 1)],
            MapGroups.Assign([10, 500, 10, 20], 100));
    }

    [Fact]
    public void Assign_NoFiles_NoGroups()
    {
        Assert.Empty(MapGroups.Assign([], 100));
    }

    [Fact]
    public void Assign_NoGroupReadsMoreThanTheBound()
    {
        var random = new Random(7);
        var sizes = Enumerable.Range(0, 500).Select(_ => (long)random.Next(0, 700)).ToArray();

        var placements = MapGroups.Assign(sizes, 256);

        // Each group's bytes: whole files, or one piece of a larger file.
        var reads = sizes.Zip(placements).SelectMany(pair => Enumerable.Range(0, pair.Second.Pieces).Select(piece =>
        {
            var (start, end) = MapGroups.PieceRange(pair.First, pair.Second.Pieces, piece);
            return (Group: pair.Second.Group + piece, Bytes: end - start);
        })).GroupBy(read => read.Group).ToList();
        Assert.Equal(Enumerable.Range(0, reads.Count), reads.Select(group => group.Key));
        Assert.All(reads, group => Assert.True(group.Sum(read => read.Bytes) <= 256, $"group {group.Key} reads too much"));
        Assert.Contains(placements, placement => placement.Pieces > 1);
    }

    [Theory]
    [InlineData(500L, 5)]
    [InlineData(501L, 6)]
    [InlineData(7L, 3)]
    public void PieceRange_PiecesCoverTheFileInOrderWithoutGapsOrOverlap(long bytes, int pieces)
    {
        var ranges = Enumerable.Range(0, pieces).Select(piece => MapGroups.PieceRange(bytes, pieces, piece)).ToList();

        Assert.Equal(0, ranges[0].Start);
        Assert.Equal(bytes, ranges[^1].End);
        Assert.All(ranges.Zip(ranges.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.All(ranges, range => Assert.InRange(range.End - range.Start, 1, (bytes + pieces - 1) / pieces));
    }

    [Fact]
    public void Assign_NonPositiveBound_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MapGroups.Assign([1], 0));
    }

    [Fact]
    public void PieceRange_PieceOutsideTheFile_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MapGroups.PieceRange(100, 2, 2));
    }
}
