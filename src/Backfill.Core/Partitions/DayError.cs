namespace Backfill.Core.Partitions;

/// <summary>Why text is not a <see cref="Day"/>.</summary>
/// <param name="IsShapeError">
/// True when the text is not shaped <c>YYYY-MM-DD</c> at all; false when it is, but names no calendar day.
/// </param>
/// <param name="Message">A sentence naming the text and the reason.</param>
internal sealed record DayError(bool IsShapeError, string Message);
