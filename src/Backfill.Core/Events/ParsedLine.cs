namespace Backfill.Core.Events;

/// <summary>The outcome of parsing one landed line: an event, or why it is quarantined.</summary>
/// <param name="Event">The event; null when the line is malformed.</param>
/// <param name="Reason">Why the line is malformed; null when it parsed.</param>
/// <param name="Detail">Which field was wrong and how; null when it parsed.</param>
/// <param name="EventTime">
/// The event time when it could be read even though the line is malformed, so the line is quarantined with the
/// partition it belongs to.
/// </param>
public sealed record ParsedLine(Event? Event, QuarantineReason? Reason, string? Detail, DateTime? EventTime);
