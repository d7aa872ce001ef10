using Backfill.Core.Lineage;

namespace Backfill.Storage.Commits;

/// <summary>What produced a commit, as far as it is known when the commit is staged.</summary>
/// <param name="RunId">The run that built it.</param>
/// <param name="Trigger">What started the run.</param>
/// <param name="BackfillId">The backfill, when the trigger is backfill.</param>
/// <param name="CodeVersion">The code version that built it.</param>
/// <param name="ConfigHash">The config hash it was built with.</param>
/// <param name="Inputs">The upstream commits it read.</param>
/// <param name="PreviousCommitId">The commit that was live when it was built; null for a new partition.</param>
/// <param name="BuildMilliseconds">Time to read inputs and compute.</param>
/// <param name="StageMilliseconds">Time to upload its files.</param>
/// <param name="BaselineAsOf">The run's baseline time: validation compared it with the commits live then; null for live-at-validation.</param>
public sealed record CommitLineage(
    string RunId,
    RunTrigger Trigger,
    string? BackfillId,
    string CodeVersion,
    string ConfigHash,
    IReadOnlyList<InputCommit> Inputs,
    string? PreviousCommitId,
    long BuildMilliseconds,
    long StageMilliseconds,
    DateTimeOffset? BaselineAsOf = null);
