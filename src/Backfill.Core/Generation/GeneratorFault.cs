namespace Backfill.Core.Generation;

/// <summary>A fault injected into one event day, so validation has something to catch.</summary>
/// <param name="Day">The event day the fault applies to.</param>
public abstract record GeneratorFault(DateOnly Day);
