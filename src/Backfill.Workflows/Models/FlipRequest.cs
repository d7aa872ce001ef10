namespace Backfill.Workflows.Models;

/// <summary>Input of the flip orchestration.</summary>
/// <param name="Name">The pointer.</param>
/// <param name="Operation">Flip or rollback.</param>
/// <param name="To">For a flip, the new version.</param>
/// <param name="ExpectedCurrent">For a flip, the version the caller expects; null takes whatever the pointer names when the run starts.</param>
/// <param name="ExpectedSequence">The sequence the caller expects; null takes the pointer's sequence when the run starts.</param>
/// <param name="Partitions">For a flip, the days that must be complete (canonical partition set); null means the days the current version has committed.</param>
/// <param name="FlippedBy">The backfill or flip run recorded as making the change.</param>
/// <param name="DryRun">For a flip, stop after the checks: report them and change nothing (no alert when they fail).</param>
public sealed record FlipRequest(
    string Name, PointerOperation Operation, string? To, string? ExpectedCurrent, long? ExpectedSequence, string? Partitions, string FlippedBy, bool DryRun = false);
