namespace Backfill.Core.Generation;

/// <summary>The day's amounts are drawn from a shifted distribution, as after a pricing bug.</summary>
/// <param name="Day">The event day.</param>
/// <param name="AmountFactor">The multiplier of every amount that day.</param>
public sealed record DistributionShiftFault(DateOnly Day, double AmountFactor) : GeneratorFault(Day);
