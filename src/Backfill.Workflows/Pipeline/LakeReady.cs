using Backfill.Storage.Layout;

namespace Backfill.Workflows.Pipeline;

/// <summary>
/// Creates the lake's container and lineage table on first use, once per process. An attempt that failed (storage
/// down when the process first needed it) is not remembered: the next call tries again, so the process recovers
/// when storage does. Callers that arrive while an attempt is under way share it.
/// </summary>
public sealed class LakeReady(LakeStorage lake)
{
    private readonly Lock _gate = new();
    private Task? _creation;

    /// <summary>The lake, created if it did not exist.</summary>
    public async Task<LakeStorage> GetAsync()
    {
        await CreationAsync().ConfigureAwait(false);
        return lake;
    }

    private Task CreationAsync()
    {
        lock (_gate)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = lake.EnsureCreatedAsync(CancellationToken.None);
            }

            return _creation;
        }
    }
}
