using Backfill.Core.Events;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;

namespace Backfill.Core.Building;

/// <summary>Builds raw(D) from landed lines as of a processing time.</summary>
public static class RawBuilder
{
    /// <summary>
    /// Keeps the events of <paramref name="day"/> from hours that had arrived by
    /// <paramref name="processingTime"/>. A malformed line belongs to the day of its event time when that could
    /// be read, else to its arrival date, so each malformed line is quarantined by exactly one partition.
    /// </summary>
    /// <param name="day">The event day D.</param>
    /// <param name="processingTime">The time the build pretends it runs at, UTC.</param>
    /// <param name="lines">Landed lines; lines of other days or later hours are skipped.</param>
    /// <returns>The events in storage order and the quarantined lines.</returns>
    public static RawBuild Build(Day day, DateTime processingTime, IEnumerable<LandedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var events = new List<ArrivedEvent>();
        var quarantined = new List<QuarantinedLine>();
        long landed = 0;
        foreach (var line in lines.Where(line => ArrivalWindow.HasArrived(line.ArrivalTime, processingTime)))
        {
            var parsed = EventLine.Parse(line.Text);
            if (DayOf(parsed, line) != day.Date)
            {
                continue;
            }

            landed++;
            if (parsed.Event is { } parsedEvent)
            {
                events.Add(new ArrivedEvent(parsedEvent, line.ArrivalTime));
            }
            else
            {
                quarantined.Add(new QuarantinedLine(line, parsed.Reason!.Value, parsed.Detail!));
            }
        }

        events.Sort(ArrivedEvent.StorageOrder);
        return new RawBuild(events, quarantined, landed);
    }

    // A parsed event belongs to its event date; a malformed line to its event time when readable, else its arrival date.
    private static DateOnly DayOf(ParsedLine parsed, LandedLine line) =>
        parsed.Event?.EventDate ?? DateOnly.FromDateTime(parsed.EventTime ?? line.ArrivalTime);
}
