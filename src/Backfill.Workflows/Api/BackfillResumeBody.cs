namespace Backfill.Workflows.Api;

/// <summary>Body of <c>POST /api/backfills/{id}/resume</c>.</summary>
/// <param name="AcceptCodeVersion">Needed (true) for a backfill paused by a code-version change: it continues pinned to the running code version.</param>
public sealed record BackfillResumeBody(bool? AcceptCodeVersion);
