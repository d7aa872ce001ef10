using System.Collections;
using System.Text;

namespace Backfill.Core.Partitions;

/// <summary>
/// The days a request names: an immutable, sorted set of <see cref="Day"/> without duplicates.
/// A partition set is never empty.
/// </summary>
public sealed class PartitionSet : IReadOnlyCollection<Day>, IEquatable<PartitionSet>
{
    private readonly Day[] _days;

    /// <summary>Creates a partition set of the given days, in any order, duplicates allowed.</summary>
    /// <param name="days">The days; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="days"/> is empty.</exception>
    public PartitionSet(IEnumerable<Day> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        _days = [.. days.Distinct().Order()];
        if (_days.Length == 0)
        {
            throw new ArgumentException("A partition set names at least one day.", nameof(days));
        }
    }

    /// <summary>Gets the number of days in the set.</summary>
    public int Count => _days.Length;

    /// <summary>Gets the earliest day in the set.</summary>
    public Day First => _days[0];

    /// <summary>Gets the latest day in the set.</summary>
    public Day Last => _days[^1];

    /// <summary>Whether the set names <paramref name="day"/>.</summary>
    /// <param name="day">The day to look for.</param>
    /// <returns><see langword="true"/> when the set contains <paramref name="day"/>.</returns>
    public bool Contains(Day day) => Array.BinarySearch(_days, day) >= 0;

    /// <summary>
    /// Returns the canonical expression of the set: runs of consecutive days as <c>A..B</c>, single days as
    /// <c>YYYY-MM-DD</c>, comma-separated in ascending order. <see cref="PartitionSetParser"/> parses it back
    /// to an equal set.
    /// </summary>
    /// <returns>The canonical expression, e.g. <c>2025-01-01..2025-01-03,2025-01-05</c>.</returns>
    public string ToExpression()
    {
        var text = new StringBuilder();
        var runStart = 0;
        for (var i = 1; i <= _days.Length; i++)
        {
            var runContinues = i < _days.Length && _days[i].Date.DayNumber == _days[i - 1].Date.DayNumber + 1;
            if (runContinues)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(_days[runStart].ToString());
            if (i - 1 > runStart)
            {
                text.Append("..").Append(_days[i - 1].ToString());
            }

            runStart = i;
        }

        return text.ToString();
    }

    /// <summary>Returns <see cref="ToExpression"/>.</summary>
    /// <returns>The canonical expression.</returns>
    public override string ToString() => ToExpression();

    /// <summary>Enumerates the days in ascending order.</summary>
    /// <returns>An enumerator over the days, earliest first.</returns>
    public IEnumerator<Day> GetEnumerator() => ((IEnumerable<Day>)_days).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether both sets name exactly the same days.</summary>
    /// <param name="other">The set to compare with.</param>
    /// <returns><see langword="true"/> when the sets are equal.</returns>
    public bool Equals(PartitionSet? other) => other is not null && _days.AsSpan().SequenceEqual(other._days);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PartitionSet);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var day in _days)
        {
            hash.Add(day);
        }

        return hash.ToHashCode();
    }
}
