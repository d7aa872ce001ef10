namespace Backfill.Workflows.Api;

/// <summary>Body of the 202 for a started backfill.</summary>
/// <param name="Id">The backfill's id.</param>
/// <param name="StatusUri">Where to follow it.</param>
/// <param name="CancelUri">Where to cancel it.</param>
/// <param name="PlannedItems">Work items in its plan.</param>
/// <param name="VersionState">
/// The target's version state once the backfill registered it (<c>candidate</c> when it is not live: the daily run now
/// builds it too); null when the backfill does not build features.
/// </param>
public sealed record BackfillAccepted(string Id, string StatusUri, string CancelUri, int PlannedItems, string? VersionState = null);
