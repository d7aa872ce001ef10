using Backfill.Core.Versioning;

namespace Backfill.Core.Lineage;

/// <summary>Who is committing: the run, what started it, and the versions it is pinned to.</summary>
/// <param name="RunId">The orchestration instance id of the run.</param>
/// <param name="Trigger">What started the run.</param>
/// <param name="BackfillId">The backfill's id when <paramref name="Trigger"/> is backfill; else null.</param>
/// <param name="CodeVersion">The code version the run is pinned to.</param>
/// <param name="ConfigHash">The config hash of the feature definitions and settings the run uses.</param>
/// <param name="BaselineAsOf">
/// The run's <b>baseline time</b>, pinned when it started: validation compares a commit only with commits that were
/// live then, never with what the run itself (or anything else) published since. Null compares with whatever is live
/// when the commit is validated.
/// </param>
public sealed record RunContext(
    string RunId, RunTrigger Trigger, string? BackfillId, CodeVersion CodeVersion, string ConfigHash, DateTimeOffset? BaselineAsOf = null);
