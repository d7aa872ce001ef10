using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Backfill.Core.Partitions;

/// <summary>The key of a partition: one UTC calendar day, written <c>YYYY-MM-DD</c>.</summary>
/// <param name="Date">The UTC calendar day.</param>
public readonly record struct Day(DateOnly Date) : IComparable<Day>, IComparable
{
    private const string CanonicalFormat = "yyyy-MM-dd";
    private const string PathPrefix = "date=";

    /// <summary>Gets the path form of the key, <c>date=YYYY-MM-DD</c>, as partitions are foldered.</summary>
    public string PathSegment => PathPrefix + ToString();

    /// <summary>Returns the canonical text of the key, <c>YYYY-MM-DD</c>.</summary>
    /// <returns>The day as <c>YYYY-MM-DD</c>.</returns>
    public override string ToString() => Date.ToString(CanonicalFormat, CultureInfo.InvariantCulture);

    /// <summary>Returns the key <paramref name="days"/> days later (earlier when negative).</summary>
    /// <param name="days">The number of days to add.</param>
    /// <returns>The shifted key.</returns>
    public Day AddDays(int days) => new(Date.AddDays(days));

    /// <summary>Parses canonical text: exactly <c>YYYY-MM-DD</c> in ASCII digits, naming a real calendar day.</summary>
    /// <param name="text">The text to parse, e.g. <c>2025-01-31</c>.</param>
    /// <returns>The parsed key.</returns>
    /// <exception cref="FormatException">
    /// The text is not in the form <c>YYYY-MM-DD</c>, or names no calendar day (e.g. <c>2025-02-30</c>).
    /// </exception>
    public static Day Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var key, out var error) ? key : throw new FormatException(error.Message);
    }

    /// <summary>Tries to parse canonical text, as <see cref="Parse(string)"/> does, without throwing.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="key">The parsed key, or the default key when parsing fails.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a canonical date.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Day key) =>
        TryParse(text, out key, out _);

    /// <summary>Parses the path form <c>date=YYYY-MM-DD</c>.</summary>
    /// <param name="segment">The path segment, e.g. <c>date=2025-01-31</c>.</param>
    /// <returns>The parsed key.</returns>
    /// <exception cref="FormatException">The segment lacks the <c>date=</c> prefix or its date is invalid.</exception>
    public static Day ParsePathSegment(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (!segment.StartsWith(PathPrefix, StringComparison.Ordinal))
        {
            throw new FormatException($"'{segment}' is not a partition path segment: expected date=YYYY-MM-DD.");
        }

        return Parse(segment[PathPrefix.Length..]);
    }

    /// <inheritdoc/>
    public int CompareTo(Day other) => Date.CompareTo(other.Date);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Day other => CompareTo(other),
        _ => throw new ArgumentException($"Expected a {nameof(Day)}.", nameof(obj)),
    };

    /// <summary>Whether <paramref name="left"/> is an earlier day than <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes first.</returns>
    public static bool operator <(Day left, Day right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is the same day as or earlier than <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not come after the other.</returns>
    public static bool operator <=(Day left, Day right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is a later day than <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes after the other.</returns>
    public static bool operator >(Day left, Day right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is the same day as or later than <paramref name="right"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not come before the other.</returns>
    public static bool operator >=(Day left, Day right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// Parses canonical text and, on failure, says why, so that a grammar embedding dates can tell a malformed
    /// term from an impossible day.
    /// </summary>
    internal static bool TryParse(
        [NotNullWhen(true)] string? text, out Day key, [NotNullWhen(false)] out DayError? error)
    {
        key = default;
        if (text is null || !HasCanonicalShape(text))
        {
            error = new DayError(IsShapeError: true, $"'{text}' is not a date in the form YYYY-MM-DD.");
            return false;
        }

        var (year, month, day) = (Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2));
        if (CalendarError(year, month, day) is { } reason)
        {
            error = new DayError(IsShapeError: false, $"'{text}' is not a calendar date: {reason}.");
            return false;
        }

        key = new Day(new DateOnly(year, month, day));
        error = null;
        return true;
    }

    private static bool HasCanonicalShape(string text)
    {
        if (text.Length != CanonicalFormat.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var expected = i is 4 or 7 ? text[i] == '-' : char.IsAsciiDigit(text[i]);
            if (!expected)
            {
                return false;
            }
        }

        return true;
    }

    private static int Digits(string text, int start, int length) =>
        int.Parse(text.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string? CalendarError(int year, int month, int day)
    {
        if (year < 1)
        {
            return "years start at 0001";
        }

        if (month is < 1 or > 12)
        {
            return $"month {month:00} is not between 01 and 12";
        }

        if (day < 1)
        {
            return "days start at 01";
        }

        var daysInMonth = DateTime.DaysInMonth(year, month);
        var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        return day > daysInMonth ? $"{monthName} {year:0000} has {daysInMonth} days" : null;
    }
}
