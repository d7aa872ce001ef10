namespace Backfill.Core.Generation;

/// <summary>A line the generator lands, with the time it arrives.</summary>
/// <param name="ArrivalTime">When the line lands, UTC.</param>
/// <param name="Text">The JSON line without its newline; malformed on purpose for a small share.</param>
public sealed record GeneratedLine(DateTime ArrivalTime, string Text);
