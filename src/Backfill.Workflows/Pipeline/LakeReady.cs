using Backfill.Storage.Layout;

namespace Backfill.Workflows.Pipeline;

/// <summary>Creates the lake's container and lineage table once per process, on first use.</summary>
public sealed class LakeReady(LakeStorage lake)
{
    private readonly Lazy<Task> _created = new(() => lake.EnsureCreatedAsync(CancellationToken.None));

    /// <summary>The lake, created if it did not exist.</summary>
    public async Task<LakeStorage> GetAsync()
    {
        await _created.Value.ConfigureAwait(false);
        return lake;
    }
}
