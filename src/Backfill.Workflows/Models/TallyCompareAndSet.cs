namespace Backfill.Workflows.Models;

/// <summary>Set the count to <paramref name="NewCount"/> only if the version is still <paramref name="ExpectedVersion"/>.</summary>
public sealed record TallyCompareAndSet(long ExpectedVersion, int NewCount);
