using Backfill.Core.Features;

namespace Backfill.Core.Switchover;

/// <summary>The features whose definition differs between two feature versions: their drift is expected.</summary>
public static class ChangedFeatures
{
    /// <summary>Names present in both versions whose definitions differ.</summary>
    /// <param name="from">The version readers use now.</param>
    /// <param name="to">The version they would use after the flip.</param>
    /// <returns>The changed feature names.</returns>
    public static IReadOnlySet<string> Between(FeatureVersion from, FeatureVersion to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var before = from.Features.ToDictionary(f => f.Name, f => f.CanonicalText, StringComparer.Ordinal);
        return to.Features
            .Where(f => before.TryGetValue(f.Name, out var text) && !string.Equals(text, f.CanonicalText, StringComparison.Ordinal))
            .Select(f => f.Name)
            .ToHashSet(StringComparer.Ordinal);
    }
}
