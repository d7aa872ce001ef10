using Backfill.Core.Lineage;
using Backfill.Core.Planning;
using Backfill.Storage.Commits;

namespace Backfill.Workflows.Models;

/// <summary>One attempt at one work item.</summary>
/// <param name="BackfillId">The run: the backfill's or the daily run's orchestration instance id.</param>
/// <param name="Item">The (layer, day) to build, validate and publish.</param>
/// <param name="Target">The feature version dataset for the features layer.</param>
/// <param name="WriteMode">Overwrite or merge.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="CodeVersion">The pinned code version the running code must match.</param>
/// <param name="ConfigHash">The pinned config hash of the target feature version.</param>
/// <param name="ProcessingTime">What "now" is for raw: events that arrived after it are left out, so reruns are reproducible.</param>
/// <param name="Trigger">What started the run (a backfill, or the daily run's daily, catchup, rolling or repair work); recorded in lineage.</param>
/// <param name="BaselineAsOf">
/// The run's baseline time, pinned when it started (a backfill's submission, a daily run's start): validation compares
/// with the commits live then. Null compares with whatever is live at validation.
/// </param>
/// <param name="Buckets">The entity buckets of the item's dataset, pinned by the run; 1 builds the day in one item.</param>
/// <param name="Step">For a day split into buckets, the step of it this call runs; null for a day built in one item.</param>
public sealed record WorkItemRequest(
    string BackfillId,
    WorkItem Item,
    string Target,
    WriteMode WriteMode,
    int Attempt,
    string CodeVersion,
    string ConfigHash,
    DateTimeOffset ProcessingTime,
    RunTrigger Trigger = RunTrigger.Backfill,
    DateTimeOffset? BaselineAsOf = null,
    int Buckets = 1,
    BucketStep? Step = null);
