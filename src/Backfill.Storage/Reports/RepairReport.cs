namespace Backfill.Storage.Reports;

/// <summary>What a finished backfill changed, with deltas, and proof that the rest of its context was untouched.</summary>
/// <param name="Published">Every partition it published, by dataset in pipeline order, then day.</param>
/// <param name="Untouched">Every other partition of its datasets in the context range, by dataset, then day.</param>
/// <param name="Stale">Downstream partitions its publishes made stale: staging first, then each feature version, by day.</param>
public sealed record RepairReport(
    IReadOnlyList<PublishedPartition> Published, IReadOnlyList<UntouchedPartition> Untouched, IReadOnlyList<StalePartition> Stale);
