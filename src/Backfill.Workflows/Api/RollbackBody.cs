namespace Backfill.Workflows.Api;

/// <summary>Body of <c>POST /api/pointers/{name}/rollback</c>.</summary>
/// <param name="ExpectedSequence">The sequence the caller read; default: the pointer's sequence now.</param>
public sealed record RollbackBody(long? ExpectedSequence);
