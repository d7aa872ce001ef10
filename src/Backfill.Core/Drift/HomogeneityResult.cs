namespace Backfill.Core.Drift;

/// <summary>The outcome of a <see cref="HomogeneityTest"/>.</summary>
/// <param name="Statistic">The chi-square statistic.</param>
/// <param name="DegreesOfFreedom">Bins holding values on either side, minus one; 0 when nothing could be compared.</param>
/// <param name="PValue">The chance of a statistic at least this large when both sides come from one distribution.</param>
public sealed record HomogeneityResult(double Statistic, int DegreesOfFreedom, double PValue);
