using System.Globalization;

namespace Backfill.Core.Drift;

/// <summary>
/// How far each summary figure moved from a reference to an actual distribution: actual minus reference, so a
/// positive value means the actual is larger.
/// </summary>
/// <param name="Mean">The change of the mean.</param>
/// <param name="StandardDeviation">The change of the standard deviation.</param>
/// <param name="P5">The change of the 5th percentile.</param>
/// <param name="P25">The change of the 25th percentile.</param>
/// <param name="P50">The change of the median.</param>
/// <param name="P75">The change of the 75th percentile.</param>
/// <param name="P95">The change of the 95th percentile.</param>
public sealed record SummaryShift(
    double Mean, double StandardDeviation, double P5, double P25, double P50, double P75, double P95)
{
    /// <summary>Returns the shift from <paramref name="reference"/> to <paramref name="actual"/>.</summary>
    /// <param name="reference">The distribution compared against.</param>
    /// <param name="actual">The distribution being validated.</param>
    /// <returns>Actual minus reference, figure by figure.</returns>
    public static SummaryShift Between(SummaryStatistics reference, SummaryStatistics actual)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(actual);
        return new SummaryShift(
            actual.Mean - reference.Mean,
            actual.StandardDeviation - reference.StandardDeviation,
            actual.P5 - reference.P5,
            actual.P25 - reference.P25,
            actual.P50 - reference.P50,
            actual.P75 - reference.P75,
            actual.P95 - reference.P95);
    }

    /// <summary>Returns the shifts in invariant culture, e.g. <c>mean +1.5, std -0.2, p5 +0.9, ...</c>.</summary>
    /// <returns>One line naming every figure's change.</returns>
    public override string ToString() =>
        $"mean {Signed(Mean)}, std {Signed(StandardDeviation)}, p5 {Signed(P5)}, p25 {Signed(P25)}, "
        + $"p50 {Signed(P50)}, p75 {Signed(P75)}, p95 {Signed(P95)}";

    private static string Signed(double change) => change.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture);
}
