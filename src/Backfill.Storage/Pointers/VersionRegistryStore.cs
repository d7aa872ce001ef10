using Backfill.Core.Pointers;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Pointers;

/// <summary>
/// Reads and advances the version registry's mirror blob (<c>_versions/{pointer}.json</c>), the same way as a
/// pointer's (<see cref="MirrorBlob{T}"/>), so readers outside Durable see which versions are built and why.
/// </summary>
public sealed class VersionRegistryStore
{
    private readonly MirrorBlob<VersionLifecycle> _mirror;

    /// <summary>Creates the store.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public VersionRegistryStore(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _mirror = new MirrorBlob<VersionLifecycle>(lake, state => state.Sequence);
    }

    /// <summary>Reads the registry's mirror of <paramref name="pointerName"/> with one blob read; null before the first write.</summary>
    /// <param name="pointerName">The pointer whose versions the registry holds.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The mirror.</returns>
    public Task<VersionLifecycle?> GetAsync(string pointerName, CancellationToken cancellationToken) => _mirror.GetAsync(LakePaths.Versions(pointerName), cancellationToken);

    /// <summary>Moves the mirror forward to <paramref name="state"/> unless it already shows that sequence or a later one.</summary>
    /// <param name="pointerName">The pointer whose versions the registry holds.</param>
    /// <param name="state">A state the registry entity held.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The mirror as it is afterwards.</returns>
    public Task<VersionLifecycle> AdvanceAsync(string pointerName, VersionLifecycle state, CancellationToken cancellationToken) =>
        _mirror.AdvanceAsync(LakePaths.Versions(pointerName), state, cancellationToken);
}
