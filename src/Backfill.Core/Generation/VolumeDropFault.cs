namespace Backfill.Core.Generation;

/// <summary>Only a fraction of the usual events for the day.</summary>
/// <param name="Day">The event day.</param>
/// <param name="Factor">The multiplier of the day's volume, 0..1.</param>
public sealed record VolumeDropFault(DateOnly Day, double Factor) : GeneratorFault(Day);
