using Backfill.Core.Events;
using Backfill.Core.Features;

namespace Backfill.Core.Validation;

/// <summary>Profiles the rows of a commit column by column, with the column names the files are written with.</summary>
public static class PartitionProfiles
{
    /// <summary>Profiles <c>raw</c> or <c>staging</c> rows: nulls of every column, and <c>amount</c> as a number.</summary>
    /// <param name="rows">The commit's rows.</param>
    /// <returns>The profile, in file column order.</returns>
    public static PartitionProfile OfEvents(IReadOnlyList<ArrivedEvent> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new PartitionProfile(rows.Count,
        [
            ColumnProfile.OfValues("event_id", rows.Select(row => row.Event.EventId)),
            ColumnProfile.OfValues("entity_id", rows.Select(row => row.Event.EntityId)),
            ColumnProfile.OfValues("event_time", rows.Select(row => (DateTime?)row.Event.EventTime)),
            ColumnProfile.OfValues("event_type", rows.Select(row => (EventType?)row.Event.EventType)),
            ColumnProfile.OfNumbers("amount", rows.Select(row => (double?)row.Event.Amount)),
            ColumnProfile.OfValues("session_id", rows.Select(row => row.Event.SessionId)),
            ColumnProfile.OfValues("arrival_time", rows.Select(row => (DateTime?)row.ArrivalTime)),
        ]);
    }

    /// <summary>Profiles features rows: nulls of the key columns, every feature as a number.</summary>
    /// <param name="features">The feature version of the rows.</param>
    /// <param name="rows">The commit's rows.</param>
    /// <returns>The profile, in file column order.</returns>
    public static PartitionProfile OfFeatures(FeatureVersion features, IReadOnlyList<FeatureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(rows);
        return new PartitionProfile(rows.Count,
        [
            ColumnProfile.OfValues("entity_id", rows.Select(row => row.EntityId)),
            ColumnProfile.OfValues("date", rows.Select(row => (DateOnly?)row.Date)),
            .. features.Features.Select((feature, index) =>
                ColumnProfile.OfNumbers(feature.Name, rows.Select(row => (double?)row.Values[index]))),
        ]);
    }
}
