namespace Backfill.Core.Reports;

/// <summary>
/// Decides whether a partition's manifest is unchanged since a backfill started, from what storage reports now. The
/// proof needs no write of its own (so there is no crash window): the storage service sets Last-Modified on every write
/// of the blob, so a Last-Modified before the start means no write since.
/// </summary>
public static class UntouchedProof
{
    /// <summary>The verdict for one partition.</summary>
    /// <param name="evidence">The manifest's evidence; null when the partition has no manifest.</param>
    /// <param name="startedAt">When the backfill started (its submission time).</param>
    /// <returns>
    /// <see cref="UntouchedVerdict.Unchanged"/> when Last-Modified is in an earlier second than the start, or in the same
    /// second with the manifest's own publish time before the start (Last-Modified has 1 s resolution, so a write in the
    /// start's second is told apart by the finer time the writer put in it); otherwise
    /// <see cref="UntouchedVerdict.ChangedSinceStart"/>.
    /// </returns>
    public static UntouchedVerdict Judge(ManifestEvidence? evidence, DateTimeOffset startedAt)
    {
        if (evidence is null)
        {
            return UntouchedVerdict.Missing;
        }

        var startSecond = Truncate(startedAt);
        var modifiedSecond = Truncate(evidence.LastModified);
        return modifiedSecond < startSecond || (modifiedSecond == startSecond && evidence.PublishedAt < startedAt)
            ? UntouchedVerdict.Unchanged
            : UntouchedVerdict.ChangedSinceStart;
    }

    private static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
