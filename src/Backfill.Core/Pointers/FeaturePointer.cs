using Backfill.Core.Features;

namespace Backfill.Core.Pointers;

/// <summary>The pointer readers use for features, and the version it names before any flip.</summary>
public static class FeaturePointer
{
    /// <summary>The pointer's name: readers ask for <c>features</c> and get the version it names.</summary>
    public const string Name = "features";

    /// <summary>
    /// The version the pointer names at sequence 0, before any flip: <c>features_v1</c>, the first version the
    /// pipeline ever published, so readers that existed before the pointer keep reading what they read.
    /// </summary>
    public static FeatureVersion Initial => FeatureVersions.V1;

    /// <summary>The initial version of the pointer called <paramref name="name"/>; null for a name that is no pointer.</summary>
    /// <param name="name">The pointer's name.</param>
    /// <returns>The dataset the pointer names at sequence 0.</returns>
    public static string? InitialVersionOf(string? name) => name == Name ? Initial.Name : null;
}
