namespace Backfill.Workflows.Models;

/// <summary>What a flip or rollback of the pointer entity did.</summary>
/// <param name="Applied">True when the state changed; false when the compare-and-set refused it.</param>
/// <param name="Reason">Why it was refused; null when applied.</param>
/// <param name="From">The version before the operation.</param>
/// <param name="State">The state after the operation (unchanged when refused).</param>
public sealed record PointerChange(bool Applied, string? Reason, string From, PointerState State);
