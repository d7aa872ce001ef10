using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Storage.Commits;

namespace Backfill.Storage.Lineage;

/// <summary>One row of the <c>lineage</c> table: what produced a commit and what became of it.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Partition">The partition's day.</param>
/// <param name="CommitId">The commit.</param>
/// <param name="Status">Staged, published, rejected or conflict.</param>
/// <param name="RunId">The run that built it.</param>
/// <param name="Trigger">What started the run.</param>
/// <param name="BackfillId">The backfill, when the trigger is backfill.</param>
/// <param name="CodeVersion">The code version that built it.</param>
/// <param name="ConfigHash">The config hash it was built with.</param>
/// <param name="WriteMode">Overwrite or merge.</param>
/// <param name="InputCommitIds">Upstream commits read, each <c>dataset/YYYY-MM-DD@commitId</c>.</param>
/// <param name="RowCount">Rows of the partition.</param>
/// <param name="ContentHash">The content hash.</param>
/// <param name="PreviousCommitId">The commit live when it was built.</param>
/// <param name="Timings">Milliseconds per step: build, stage, validate, publish (the last two once they ran).</param>
/// <param name="Validation">The worst validation status, once validated.</param>
/// <param name="ValidationResults">Each check's result, once validated; empty before. A result that compared with other partitions names them (<c>Baseline</c>).</param>
/// <param name="BaselineAsOf">The run's baseline time: validation compared the commit with the commits live then; null for live-at-validation.</param>
/// <param name="PublishedAt">When the commit was made live by a publish; null when it never was.</param>
/// <param name="Bytes">The size of the commit's files; null for rows written before sizes were recorded.</param>
/// <param name="Buckets">For a day split into entity buckets, each bucket in order; null for a day built whole.</param>
public sealed record LineageEntry(
    string Dataset,
    Day Partition,
    string CommitId,
    CommitStatus Status,
    string RunId,
    RunTrigger Trigger,
    string? BackfillId,
    string CodeVersion,
    string ConfigHash,
    WriteMode WriteMode,
    IReadOnlyList<string> InputCommitIds,
    long RowCount,
    string ContentHash,
    string? PreviousCommitId,
    CommitTimings Timings,
    ValidationStatus? Validation,
    IReadOnlyList<ValidationResult> ValidationResults,
    DateTimeOffset? BaselineAsOf = null,
    DateTimeOffset? PublishedAt = null,
    long? Bytes = null,
    IReadOnlyList<BucketLineage>? Buckets = null);
