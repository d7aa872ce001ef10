using Backfill.Core.Drift;

namespace Backfill.Core.Tests.Drift;

public sealed class QuantileSketchTests
{
    [Fact]
    public void Of_ZeroToHundred_IsEveryPercentile()
    {
        var sketch = QuantileSketch.Of(Enumerable.Range(0, 101).Select(i => (double)i).Reverse());

        Assert.Equal(101, sketch.Count);
        Assert.All(Enumerable.Range(0, 101), i => Assert.Equal(i, sketch[i], precision: 9));
    }

    [Fact]
    public void Of_FewPoints_IncludesMinAndMax()
    {
        Assert.Equal([1.0, 2.5, 4.0], QuantileSketch.Of([4.0, 1, 2, 3], points: 3));
    }

    [Fact]
    public void Of_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => QuantileSketch.Of([]));
    }
}
