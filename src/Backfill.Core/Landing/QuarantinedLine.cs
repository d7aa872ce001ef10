using Backfill.Core.Events;

namespace Backfill.Core.Landing;

/// <summary>A landed line that could not become an event, kept with the reason.</summary>
/// <param name="Line">The line as landed.</param>
/// <param name="Reason">Why it is malformed.</param>
/// <param name="Detail">Which field was wrong and how.</param>
public sealed record QuarantinedLine(LandedLine Line, QuarantineReason Reason, string Detail);
