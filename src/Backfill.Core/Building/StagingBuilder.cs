using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Partitions;

namespace Backfill.Core.Building;

/// <summary>Builds staging(D) from raw(D): de-duplicated, normalized, rolled up per entity.</summary>
public static class StagingBuilder
{
    /// <summary>
    /// Keeps the first arrival of every event id, makes every amount non-null (0 when absent) and refunds
    /// negative, and rolls the result up per entity.
    /// </summary>
    /// <param name="day">The event day D; rows of other days are rejected.</param>
    /// <param name="raw">The rows of raw(D) in any order.</param>
    /// <returns>The staged events, their rollups and the duplicate count.</returns>
    /// <exception cref="ArgumentException">A row's event date is not D.</exception>
    public static StagingBuild Build(Day day, IEnumerable<ArrivedEvent> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var first = new Dictionary<string, ArrivedEvent>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var row in raw)
        {
            if (row.Event.EventDate != day.Date)
            {
                throw new ArgumentException($"Event {row.Event.EventId} is of {row.Event.EventDate:yyyy-MM-dd}, not {day}.", nameof(raw));
            }

            if (!first.TryGetValue(row.Event.EventId, out var kept))
            {
                first.Add(row.Event.EventId, row);
                continue;
            }

            duplicates++;

            if (ArrivedEvent.ArrivalOrder.Compare(row, kept) < 0)
            {
                first[row.Event.EventId] = row;
            }
        }

        var events = first.Values.Select(Normalize).ToList();
        events.Sort(ArrivedEvent.StorageOrder);
        return new StagingBuild(events, Rollup(day, events), duplicates);
    }

    /// <summary>Rolls staged events of one day up per entity.</summary>
    /// <param name="day">The event day.</param>
    /// <param name="staged">Staged events of that day.</param>
    /// <returns>One rollup per entity, ordered by entity id.</returns>
    public static IReadOnlyList<DailyRollup> Rollup(Day day, IEnumerable<ArrivedEvent> staged) =>
        [.. staged
            .GroupBy(row => row.Event.EntityId, StringComparer.Ordinal)
            .Select(group => group.Aggregate(
                new DailyRollup(group.Key, day.Date, default, default),
                (rollup, row) => rollup with
                {
                    Counts = rollup.Counts.With(row.Event.EventType, rollup.Counts[row.Event.EventType] + 1),
                    Amounts = rollup.Amounts.With(row.Event.EventType, rollup.Amounts[row.Event.EventType] + (row.Event.Amount ?? 0)),
                }))
            .OrderBy(rollup => rollup.EntityId, StringComparer.Ordinal)];

    private static ArrivedEvent Normalize(ArrivedEvent row)
    {
        var amount = row.Event.Amount ?? 0;
        amount = row.Event.EventType == EventType.Refund ? -Math.Abs(amount) : amount;
        return row with { Event = row.Event with { Amount = amount } };
    }
}
