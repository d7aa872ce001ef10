namespace Backfill.Azurite;

/// <summary>How to start an Azurite emulator.</summary>
public sealed record AzuriteOptions
{
    /// <summary>
    /// Folder holding the repository's <c>package.json</c> and <c>node_modules</c>; found by walking up
    /// from the current and the application folder when null.
    /// </summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>On-disk persistence folder (Azurite <c>--location</c>); in memory when null.</summary>
    public string? Location { get; init; }

    /// <summary>How long to wait for all three services to answer.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How long <c>npm ci</c> may take when node_modules lacks Azurite: it downloads from the registry, which takes
    /// minutes on a slow network or a busy machine.
    /// </summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
