using System.Globalization;

namespace Backfill.Core.Partitions;

/// <summary>
/// Parses partition set expressions as users type them: comma-separated terms, each a day
/// (<c>2025-01-31</c>), an inclusive range (<c>2025-01-01..2025-01-31</c>) or the last N days ending today
/// (<c>last:7</c>), any of them prefixed by <c>!</c> to exclude those days. Exclusions apply after every
/// inclusion, wherever they stand, so <c>!2025-01-15,2025-01-01..2025-01-31</c> excludes the 15th.
/// </summary>
public static class PartitionSetParser
{
    private const string RangeSeparator = "..";
    private const string LastPrefix = "last:";

    /// <summary>Parses <paramref name="text"/> into the partition set it names.</summary>
    /// <param name="text">The expression, e.g. <c>2024-12-01..2025-02-28,!2025-01-15</c>.</param>
    /// <param name="options">Today's date for <c>last:N</c> and the most days allowed.</param>
    /// <returns>The named days; never empty.</returns>
    /// <exception cref="PartitionSetFormatException">
    /// The expression is malformed, names no days, or names more days than
    /// <see cref="PartitionSetParseOptions.MaxDays"/>.
    /// </exception>
    public static PartitionSet Parse(string text, PartitionSetParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PartitionSetFormatException(
                "The partition set expression is empty: name at least one day, e.g. 2025-01-31.", text, text);
        }

        var included = new HashSet<int>();
        var excluded = new List<DayRange>();
        var terms = text.Split(',');
        for (var i = 0; i < terms.Length; i++)
        {
            var term = terms[i].Trim();
            if (term.Length == 0)
            {
                throw new PartitionSetFormatException(
                    $"Term {i + 1} of the partition set expression is empty: remove the extra comma.", text, term);
            }

            var isExclusion = term.StartsWith('!');
            var range = ParseTerm(isExclusion ? term[1..] : term, new TermContext(text, term, options));
            if (isExclusion)
            {
                excluded.Add(range);
            }
            else
            {
                included.UnionWith(range.DayNumbers());
            }
        }

        if (included.Count == 0)
        {
            throw new PartitionSetFormatException(
                $"'{text}' only excludes days: name the days to include too, e.g. 2025-01-01..2025-01-31,!2025-01-15.",
                text,
                text);
        }

        foreach (var range in excluded)
        {
            included.ExceptWith(range.DayNumbers());
        }

        if (included.Count == 0)
        {
            throw new PartitionSetFormatException(
                $"'{text}' names no days: its exclusions remove every included day.", text, text);
        }

        if (included.Count > options.MaxDays)
        {
            var count = included.Count.ToString(CultureInfo.InvariantCulture);
            throw new PartitionSetFormatException(TooManyDays($"'{text}'", count, options), text, text);
        }

        return new PartitionSet(included.Select(day => new Day(DateOnly.FromDayNumber(day))));
    }

    private static DayRange ParseTerm(string body, TermContext context)
    {
        if (body.StartsWith(LastPrefix, StringComparison.Ordinal))
        {
            return ParseLast(body, context);
        }

        var separator = body.IndexOf(RangeSeparator, StringComparison.Ordinal);
        if (separator < 0)
        {
            if (Day.TryParse(body, out var day, out var error))
            {
                return new DayRange(day.Date.DayNumber, day.Date.DayNumber);
            }

            throw context.Fail(error.IsShapeError
                ? $"'{body}' is not a day (YYYY-MM-DD), a range (YYYY-MM-DD..YYYY-MM-DD) or last:N."
                : error.Message);
        }

        var start = ParseRangeEnd(body[..separator], "start", body, context);
        var end = ParseRangeEnd(body[(separator + RangeSeparator.Length)..], "end", body, context);
        if (start > end)
        {
            throw context.Fail($"Range '{body}' is reversed: start {start} is after end {end}.");
        }

        var range = new DayRange(start.Date.DayNumber, end.Date.DayNumber);
        if (range.Count > context.Options.MaxDays)
        {
            var count = range.Count.ToString(CultureInfo.InvariantCulture);
            throw context.Fail(TooManyDays($"Range '{body}'", count, context.Options));
        }

        return range;
    }

    private static Day ParseRangeEnd(string text, string role, string body, TermContext context)
    {
        if (Day.TryParse(text, out var day, out var error))
        {
            return day;
        }

        var reason = error.IsShapeError ? $"{role} '{text}' is not a date in the form YYYY-MM-DD." : error.Message;
        throw context.Fail($"Range '{body}': {reason}");
    }

    private static DayRange ParseLast(string body, TermContext context)
    {
        var digits = body[LastPrefix.Length..];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || digits.All(digit => digit == '0'))
        {
            throw context.Fail($"'{body}' needs N to be a whole number of days, at least 1, e.g. last:7.");
        }

        // Digits too many for an int are still a count, just an absurd one: report it as too many days.
        var fitsInt = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count);
        if (!fitsInt || count > context.Options.MaxDays)
        {
            throw context.Fail(TooManyDays($"'{body}'", digits, context.Options));
        }

        if (context.Options.Today is not { } today)
        {
            throw context.Fail($"'{body}' counts back from today, but the parser was given no today.");
        }

        var first = today.Date.DayNumber - (count - 1);
        if (first < DateOnly.MinValue.DayNumber)
        {
            throw context.Fail($"'{body}' reaches back before 0001-01-01.");
        }

        return new DayRange(first, today.Date.DayNumber);
    }

    private static string TooManyDays(string subject, string count, PartitionSetParseOptions options) =>
        $"{subject} has {count} days; at most {options.MaxDays.ToString(CultureInfo.InvariantCulture)} are allowed.";
}
