using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask.Client;

namespace Backfill.Workflows.Api;

/// <summary>
/// Every backfill the engine knows. A finished backfill never changes again, so its input and output are read
/// once and kept: the dashboard polls the list and the partitions routes, and after the first read each finished
/// backfill costs one metadata row per poll instead of its whole pinned input.
/// </summary>
public sealed class BackfillList
{
    private readonly ConcurrentDictionary<string, BackfillSnapshot> _finished = new(StringComparer.Ordinal);

    /// <summary>Gets how many finished backfills are kept.</summary>
    internal int KeptCount => _finished.Count;

    /// <summary>The backfills, in no particular order. A full listing forgets kept backfills that were purged.</summary>
    internal async IAsyncEnumerable<BackfillSnapshot> ListAsync(DurableTaskClient client, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var filter = new OrchestrationQuery { InstanceIdPrefix = BackfillSnapshot.IdPrefix, FetchInputsAndOutputs = false };
        var listed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var metadata in client.GetAllInstancesAsync(filter).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (metadata.Name != nameof(BackfillOrchestrator))
            {
                continue;
            }

            listed.Add(metadata.InstanceId);

            // The update time guards against an id purged and reused since it was kept.
            if (_finished.TryGetValue(metadata.InstanceId, out var kept) && kept.Metadata.LastUpdatedAt == metadata.LastUpdatedAt)
            {
                yield return kept;
                continue;
            }

            var full = await client.GetInstanceAsync(metadata.InstanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
            if (full is null || full.Name != nameof(BackfillOrchestrator))
            {
                continue; // Purged between the list and the read.
            }

            var snapshot = BackfillSnapshot.Of(full);
            if (full.IsCompleted)
            {
                _finished[full.InstanceId] = snapshot;
            }

            yield return snapshot;
        }

        foreach (var purged in _finished.Keys.Where(id => !listed.Contains(id)))
        {
            _finished.TryRemove(purged, out _);
        }
    }
}
