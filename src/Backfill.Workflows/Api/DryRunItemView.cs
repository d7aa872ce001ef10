namespace Backfill.Workflows.Api;

/// <summary>One work item of a dry run.</summary>
/// <param name="Layer">raw, staging or features.</param>
/// <param name="Date">The partition's day.</param>
/// <param name="Action">run, skip or blocked.</param>
/// <param name="Reason">Why skip or blocked.</param>
/// <param name="Wave">For run items, the wave it can run in (1 = no run item before it).</param>
/// <param name="Buckets">
/// The entity buckets the run would split the day into (its dataset's pinned layout): 1 builds it in one step; above 1 a run
/// item is a pin, one step per bucket (each holding one max parallel slot) and a publish.
/// </param>
public sealed record DryRunItemView(string Layer, string Date, string Action, string? Reason, int Wave, int Buckets = 1);
