using Backfill.Core.Buckets;
using Backfill.Core.Lineage;
using Backfill.Storage.Landing;

namespace Backfill.Storage.Commits;

/// <summary>
/// A partition's builder that can also compute one bucket of its content, from pinned inputs, so every bucket of a day
/// reads the same upstream commits.
/// </summary>
public interface IBucketContentBuilder : IPartitionContentBuilder
{
    /// <summary>The upstream commits the day reads now, pinned once for all its buckets.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The live upstream commits; empty for raw, which reads landing as of its processing time.</returns>
    Task<IReadOnlyList<InputCommit>> PinInputsAsync(CancellationToken cancellationToken);

    /// <summary>The landing files the day reads, pinned once for its map steps and all its buckets.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>For raw, the arrived landing files of the day's window in map groups; empty for layers that read upstream commits.</returns>
    Task<IReadOnlyList<LandingPin>> PinLandingAsync(CancellationToken cancellationToken);

    /// <summary>Builds one bucket's content.</summary>
    /// <param name="pins">The day's pins: its inputs and, for a merge, its base.</param>
    /// <param name="mode">Merge reads the base's rows of the bucket and upserts into them; overwrite ignores the base.</param>
    /// <param name="scope">The bucket.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The bucket's files (named by role, without the bucket folder), inputs and quarantined lines.</returns>
    Task<PartitionContent> BuildBucketAsync(DayPins pins, WriteMode mode, BucketScope scope, CancellationToken cancellationToken);
}
