namespace Backfill.Workflows.Models;

/// <summary>Where a bucketed day goes on after it continued as new: its round, its commit and its next step.</summary>
/// <param name="Round">The round of pins, from 1; a day starts again from fresh pins at most once.</param>
/// <param name="Started">When the day's first round started, on the orchestration clock.</param>
/// <param name="CommitId">The round's commit, which every step names; null before the round's pin step.</param>
/// <param name="Pinned">The round's pin outcome, which counts its map and id-range steps; null before the pin step.</param>
/// <param name="Kind">The kind of the next step.</param>
/// <param name="Next">The next step's number within <paramref name="Kind"/>.</param>
public sealed record BucketedDayPosition(int Round, DateTime Started, string? CommitId, WorkItemOutcome? Pinned, BucketStepKind Kind, int Next);
