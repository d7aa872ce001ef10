namespace Backfill.Core.Drift;

/// <summary>
/// Guards the inputs of the drift statistics: nulls are counted by the profile, not passed in, and NaN or an
/// infinity would turn every mean, std and proportion into NaN without saying which value did it.
/// </summary>
internal static class FiniteValue
{
    public static double Require(double value, string paramName) =>
        double.IsFinite(value)
            ? value
            : throw new ArgumentException($"Values must be finite numbers; got {value}.", paramName);
}
