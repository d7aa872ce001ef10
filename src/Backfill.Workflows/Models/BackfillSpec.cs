using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Storage.Commits;

namespace Backfill.Workflows.Models;

/// <summary>
/// A backfill request as validated and pinned at submission: everything the orchestration needs to
/// plan and run, including the code version and config hash every work item must match.
/// </summary>
/// <param name="Partitions">The partition set in canonical form (no relative terms).</param>
/// <param name="Target">The feature version dataset the features layer writes, e.g. <c>features_v2</c>.</param>
/// <param name="Layers">The layers to run, in pipeline order.</param>
/// <param name="FeatureWindowDays">The target feature version's longest window, which sets its staging dependencies.</param>
/// <param name="MaxParallel">The starting max parallel (within <see cref="Backfill.Core.Scheduling.MaxParallelBounds"/>).</param>
/// <param name="WriteMode">Overwrite or merge, for every work item.</param>
/// <param name="Order">Which independent days go first.</param>
/// <param name="Retries">Extra attempts for a transient failure of one work item.</param>
/// <param name="RetryDelaySeconds">The first retry's delay; each further retry doubles it.</param>
/// <param name="FailFast">Stop starting work items after the first failure.</param>
/// <param name="CodeVersion">The code version at submission.</param>
/// <param name="ConfigHash">The config hash at submission.</param>
/// <param name="SubmittedAt">When the request was accepted.</param>
/// <param name="FlipOnSuccess">Flip the <c>features</c> pointer to <paramref name="Target"/> when every item succeeds.</param>
/// <param name="WaitOnConflict">On partitions another run holds: wait for them (<c>onConflict: wait</c>) instead of being refused.</param>
/// <param name="Reprocess">The reprocess mode that chose <paramref name="Items"/>; <see cref="ReprocessMode.Changed"/> by default.</param>
/// <param name="Items">
/// The work items to run, chosen at submission by the reprocess mode or by retry-failed, in <see cref="WorkItemSet"/> form; null runs
/// every layer of every day of <paramref name="Partitions"/>. Pinned so the plan stays a pure function of the spec.
/// </param>
/// <param name="Buckets">
/// The entity buckets of each dataset the backfill writes whose days are split (<c>Layout:Buckets</c>), pinned at
/// submission; a dataset not named has one bucket. Null (a backfill submitted before buckets existed) means one each.
/// </param>
public sealed record BackfillSpec(
    string Partitions,
    string Target,
    IReadOnlyList<Layer> Layers,
    int FeatureWindowDays,
    int MaxParallel,
    WriteMode WriteMode,
    PartitionOrder Order,
    int Retries,
    int RetryDelaySeconds,
    bool FailFast,
    string CodeVersion,
    string ConfigHash,
    DateTimeOffset SubmittedAt,
    bool FlipOnSuccess = false,
    bool WaitOnConflict = false,
    ReprocessMode Reprocess = ReprocessMode.Changed,
    string? Items = null,
    IReadOnlyDictionary<string, int>? Buckets = null);
