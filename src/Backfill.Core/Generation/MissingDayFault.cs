namespace Backfill.Core.Generation;

/// <summary>No events at all for the day, as when a producer is down.</summary>
/// <param name="Day">The event day that stays empty.</param>
public sealed record MissingDayFault(DateOnly Day) : GeneratorFault(Day);
