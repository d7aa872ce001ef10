namespace Backfill.Core.Merging;

/// <summary>The rows of a merge and how each got there.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <param name="Rows">The merged rows in storage order.</param>
/// <param name="Updated">Live rows replaced by an incoming row with the same key.</param>
/// <param name="Inserted">Incoming rows with a new key.</param>
/// <param name="Kept">Live rows no incoming row matched.</param>
public sealed record MergeResult<TRow>(IReadOnlyList<TRow> Rows, int Updated, int Inserted, int Kept);
