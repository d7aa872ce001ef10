namespace Backfill.Workflows.Api;

/// <summary>The one-click repair of one feature version's stale partitions in a repair report.</summary>
/// <param name="Target">The feature version.</param>
/// <param name="Stale">How many of its partitions (staging counts toward the backfill's target) are stale.</param>
/// <param name="Request">The body to POST to <c>/api/backfills</c>.</param>
/// <param name="Command">The same as a CLI command.</param>
public sealed record StaleRepairView(string Target, int Stale, StaleRepairBody Request, string Command);
