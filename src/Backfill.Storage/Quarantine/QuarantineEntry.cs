using Backfill.Core.Events;
using Backfill.Core.Landing;

namespace Backfill.Storage.Quarantine;

/// <summary>One line of a quarantine file: the landed line and why it was quarantined.</summary>
internal sealed record QuarantineEntry(
    QuarantineReason Reason, string Detail, DateTime ArrivalTime, string Source, int LineNumber, string Line)
{
    public static QuarantineEntry From(QuarantinedLine line) =>
        new(line.Reason, line.Detail, line.Line.ArrivalTime, line.Line.Source, line.Line.LineNumber, line.Line.Text);

    public QuarantinedLine ToQuarantinedLine() => new(new LandedLine(ArrivalTime, Source, LineNumber, Line), Reason, Detail);
}
