namespace Backfill.Workflows.Api;

/// <summary>Body of a dry run: what a backfill with this request would do, in order.</summary>
/// <param name="Request">The request as it would be pinned.</param>
/// <param name="CodeVersion">The code version it would be pinned to.</param>
/// <param name="Counts">Items by action: run, skip, blocked.</param>
/// <param name="Waves">How many waves the run items form (the critical path length).</param>
/// <param name="Items">Every work item in run order.</param>
/// <param name="Estimate">The impact estimate: bytes to read and write per layer and the expected duration.</param>
public sealed record DryRunView(
    BackfillRequestView Request, string CodeVersion, IReadOnlyDictionary<string, int> Counts, int Waves, IReadOnlyList<DryRunItemView> Items, EstimateView Estimate);
