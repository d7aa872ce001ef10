namespace Backfill.Core.Tests.Drift;

/// <summary>A generated set of values of one numeric column, for property tests.</summary>
/// <param name="Values">The values; at least two distinct ones.</param>
public sealed record Sample(double[] Values)
{
    /// <summary>Names the size and range so a failing case can be recognised.</summary>
    public override string ToString() => $"{Values.Length} values in [{Values.Min()}, {Values.Max()}]";
}
