namespace Backfill.Core.Landing;

/// <summary>One line of a landing file, as read back.</summary>
/// <param name="ArrivalTime">The start of the landing hour the line arrived in, UTC (from its folder).</param>
/// <param name="Source">The landing file the line came from.</param>
/// <param name="LineNumber">The 1-based line number in <paramref name="Source"/>.</param>
/// <param name="Text">The line without its newline.</param>
public sealed record LandedLine(DateTime ArrivalTime, string Source, int LineNumber, string Text);
