using Backfill.Core.Drift;

namespace Backfill.Core.Tests.Drift;

/// <summary>Two histograms counted with the same edges, for property tests.</summary>
/// <param name="Reference">The first histogram.</param>
/// <param name="Actual">The second histogram.</param>
public sealed record HistogramPair(Histogram Reference, Histogram Actual)
{
    /// <summary>Names the counts so a failing case can be reproduced by hand.</summary>
    public override string ToString() =>
        $"edges=[{string.Join(',', Reference.Edges)}], reference=[{string.Join(',', Reference.Counts)}], "
        + $"actual=[{string.Join(',', Actual.Counts)}]";
}
