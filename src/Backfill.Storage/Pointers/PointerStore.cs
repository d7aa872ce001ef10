using Backfill.Storage.Layout;

namespace Backfill.Storage.Pointers;

/// <summary>
/// Reads and advances pointer mirror blobs (<see cref="MirrorBlob{T}"/>): a mirror can lag the pointer entity but
/// never show a version the entity did not hold, and never moves back.
/// </summary>
public sealed class PointerStore
{
    private readonly MirrorBlob<PointerMirror> _mirror;

    /// <summary>Creates the store.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public PointerStore(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _mirror = new MirrorBlob<PointerMirror>(lake, state => state.Sequence);
    }

    /// <summary>Reads a pointer's mirror with one blob read.</summary>
    /// <param name="name">The pointer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The mirror; null when none was written yet.</returns>
    public Task<PointerMirror?> GetAsync(string name, CancellationToken cancellationToken) => _mirror.GetAsync(LakePaths.Pointer(name), cancellationToken);

    /// <summary>
    /// Moves the mirror forward to <paramref name="state"/> unless it already shows that sequence or a later one.
    /// Safe to repeat and to race: concurrent writers re-read and retry, and the highest sequence wins.
    /// </summary>
    /// <param name="state">A state the pointer entity held.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The mirror as it is afterwards.</returns>
    public Task<PointerMirror> AdvanceAsync(PointerMirror state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _mirror.AdvanceAsync(LakePaths.Pointer(state.Name), state, cancellationToken);
    }
}
