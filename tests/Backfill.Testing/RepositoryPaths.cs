using Backfill.Azurite;

namespace Backfill.Testing;

/// <summary>Paths inside the repository under test.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the folder with package.json).</summary>
    public static string Root { get; } = RepositoryRoot.Find(AppContext.BaseDirectory);

    /// <summary>A path below the root, from forward-slash segments.</summary>
    public static string Combine(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
}
