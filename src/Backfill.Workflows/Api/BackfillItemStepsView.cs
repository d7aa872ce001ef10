namespace Backfill.Workflows.Api;

/// <summary>Body of <c>GET /api/backfills/{id}/items/{layer}/{date}</c>: one work item, expanded per bucket.</summary>
/// <param name="Item">The item as the backfill's status shows it.</param>
/// <param name="Buckets">The entity buckets its dataset's layout splits the day into, as the backfill pinned it; 1 for a whole day.</param>
/// <param name="Steps">
/// For a day split into buckets: pin, the map steps that ran (raw only), every bucket in order, then publish; empty for
/// a whole day.
/// </param>
public sealed record BackfillItemStepsView(BackfillItemView Item, int Buckets, IReadOnlyList<BucketStepView> Steps);
