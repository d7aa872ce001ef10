namespace Backfill.Workflows.Api;

/// <summary>Body of the 202 for a started backfill.</summary>
public sealed record BackfillAccepted(string Id, string StatusUri, string CancelUri, int PlannedItems);
