namespace Backfill.Core.Generation;

/// <summary>A nullable column is null far more often than usual for the day.</summary>
/// <param name="Day">The event day.</param>
/// <param name="Column">The column that goes null.</param>
/// <param name="Rate">The fraction of events whose value is nulled, 0..1.</param>
public sealed record NullSpikeFault(DateOnly Day, NullableColumn Column, double Rate) : GeneratorFault(Day);
