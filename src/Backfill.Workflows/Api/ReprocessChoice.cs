using Backfill.Core.Planning;
using Backfill.Workflows.Models;

namespace Backfill.Workflows.Api;

/// <summary>What a reprocess mode chose for one request.</summary>
/// <param name="Spec">The spec, with the chosen items pinned for <c>failed</c>, <c>missing</c> and <c>stale</c>.</param>
/// <param name="Reasons">Why each planned item runs; null for <c>changed</c>, whose dry run applies the skip rule instead.</param>
/// <param name="NotChosen">The requested items the mode leaves alone, as skipped, with the state that left them out.</param>
internal sealed record ReprocessChoice(BackfillSpec Spec, IReadOnlyDictionary<WorkItem, string>? Reasons, IReadOnlyList<PlannedItem> NotChosen);
