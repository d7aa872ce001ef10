namespace Backfill.Azurite;

/// <summary>Finds the repository folder whose package.json pins Azurite.</summary>
public static class RepositoryRoot
{
    /// <summary>Walks up from <paramref name="start"/> (or the current and app folders) to the first folder
    /// with a package.json that names azurite.</summary>
    /// <exception cref="InvalidOperationException">No such folder above the start points.</exception>
    public static string Find(string? start = null)
    {
        var starts = start is null
            ? new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
            : new[] { start };
        foreach (var origin in starts)
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var manifest = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"No package.json naming azurite above '{string.Join("', '", starts)}'. Run from the repository clone or set AzuriteOptions.RepositoryRoot.");
    }
}
