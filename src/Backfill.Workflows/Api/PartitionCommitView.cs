using Backfill.Workflows.Json;

namespace Backfill.Workflows.Api;

/// <summary>One commit of a partition's history, from its lineage row.</summary>
/// <param name="CommitId">The commit.</param>
/// <param name="State">
/// <c>published</c> (live now), <c>superseded</c> (was live until a later publish replaced it), <c>rejected</c>
/// (validation failed), <c>rolled_back</c>, <c>unchanged</c> (same content as the live commit, not published),
/// <c>conflict</c> (another commit was published first) or <c>staged</c> (not validated or published, yet or ever).
/// </param>
/// <param name="RunId">The run that built it (a backfill id for backfills).</param>
/// <param name="Trigger">What started the run: <c>backfill</c>, <c>daily</c>, ….</param>
/// <param name="BackfillId">The backfill, when the trigger is backfill.</param>
/// <param name="CodeVersion">The code version that built it.</param>
/// <param name="ConfigHash">The config hash it was built with.</param>
/// <param name="WriteMode"><c>overwrite</c> or <c>merge</c>.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="ContentHash">Its content hash.</param>
/// <param name="PreviousCommitId">The commit live when it was built.</param>
/// <param name="PublishedAt">When a publish made it live; null when none did.</param>
/// <param name="Validation">The worst validation status (<c>pass</c>, <c>warn</c>, <c>fail</c>); null before validation.</param>
/// <param name="ValidationResults">Each check's result.</param>
/// <param name="Inputs">The upstream partitions it read, each with the commit read and a link to its own history.</param>
/// <param name="Buckets">For a day split into entity buckets, each bucket in order (rows, bytes, timings, worker); null for a day built whole.</param>
public sealed record PartitionCommitView(
    string CommitId,
    string State,
    string RunId,
    string Trigger,
    string? BackfillId,
    string CodeVersion,
    string ConfigHash,
    string WriteMode,
    long Rows,
    string ContentHash,
    string? PreviousCommitId,
    DateTimeOffset? PublishedAt,
    string? Validation,
    IReadOnlyList<ValidationResultView> ValidationResults,
    IReadOnlyList<CommitInputView> Inputs,
    IReadOnlyList<CommitBucketView>? Buckets = null);
