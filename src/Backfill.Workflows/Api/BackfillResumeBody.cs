namespace Backfill.Workflows.Api;

/// <summary>Body of <c>POST /api/backfills/{id}/resume</c>.</summary>
/// <param name="AcceptCodeVersion">Must be true: the backfill continues pinned to the running code version.</param>
public sealed record BackfillResumeBody(bool? AcceptCodeVersion);
