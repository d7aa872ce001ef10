using Backfill.Core.Drift;
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

    /// <summary>
    /// Merges the profiles of disjoint row sets of one partition (its entity buckets) into the partition's
    /// profile: row and null counts add up, numeric columns merge by <see cref="NumericProfile.Merge"/>, and a part
    /// with no numeric value in a column adds only its nulls.
    /// </summary>
    /// <param name="parts">At least one profile, all with the same columns in the same order.</param>
    /// <returns>The partition's profile; a single part is returned as it is.</returns>
    /// <exception cref="ArgumentException">
    /// There is no part, the parts' columns differ (naming the column), or a numeric part has no sketch.
    /// </exception>
    public static PartitionProfile Merge(IReadOnlyList<PartitionProfile> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("At least one part is needed.", nameof(parts));
        }

        var columns = parts[0].Columns;
        for (var part = 1; part < parts.Count; part++)
        {
            var other = parts[part].Columns;
            for (var i = 0; i < Math.Max(columns.Count, other.Count); i++)
            {
                var expected = i < columns.Count ? columns[i].Name : null;
                var actual = i < other.Count ? other[i].Name : null;
                if (!string.Equals(expected, actual, StringComparison.Ordinal))
                {
                    throw new ArgumentException(
                        expected is null ? $"Part {part} has column '{actual}', which part 0 has not."
                        : actual is null ? $"Part {part} lacks column '{expected}'."
                        : $"Part {part} has column '{actual}' where part 0 has '{expected}'.",
                        nameof(parts));
                }
            }
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        return new PartitionProfile(
            parts.Sum(part => part.RowCount),
            [.. columns.Select((column, i) =>
            {
                var numeric = parts.Select(part => part.Columns[i].Numeric).OfType<NumericProfile>().ToList();
                return new ColumnProfile(
                    column.Name,
                    parts.Sum(part => part.Columns[i].NullCount),
                    numeric.Count == 0 ? null : NumericProfile.Merge(numeric));
            })]);
    }
}
