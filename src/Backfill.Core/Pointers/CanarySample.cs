using Backfill.Core.Partitions;

namespace Backfill.Core.Pointers;

/// <summary>
/// Chooses the canary: the most recent partitions (where a broken build hurts first) plus a few random older
/// ones, seeded so the same flip re-checks the same days on every replay and retry.
/// </summary>
public static class CanarySample
{
    /// <summary>The default number of most recent days.</summary>
    public const int DefaultRecent = 3;

    /// <summary>The default number of random older days.</summary>
    public const int DefaultRandom = 2;

    /// <summary>Chooses up to <paramref name="recent"/> + <paramref name="random"/> distinct days of <paramref name="days"/>.</summary>
    /// <param name="days">The candidate days (duplicates ignored).</param>
    /// <param name="seed">Seeds the random part: equal seeds choose equal days.</param>
    /// <param name="recent">How many of the newest days to take.</param>
    /// <param name="random">How many of the remaining days to draw.</param>
    /// <returns>The chosen days, ascending.</returns>
    public static IReadOnlyList<Day> Choose(IEnumerable<Day> days, int seed, int recent = DefaultRecent, int random = DefaultRandom)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentOutOfRangeException.ThrowIfNegative(recent);
        ArgumentOutOfRangeException.ThrowIfNegative(random);
        var ordered = days.Distinct().Order().ToList();
        var newest = ordered.TakeLast(recent).ToList();
        var older = ordered.Take(ordered.Count - newest.Count).ToList();

        // Partial Fisher–Yates over the older days: the seeded generator alone decides the draw.
#pragma warning disable CA5394 // Not security: a reproducible sample.
        var generator = new Random(seed);
        var draws = Math.Min(random, older.Count);
        for (var i = 0; i < draws; i++)
        {
            var j = generator.Next(i, older.Count);
            (older[i], older[j]) = (older[j], older[i]);
        }
#pragma warning restore CA5394

        return [.. older.Take(draws).Concat(newest).Order()];
    }
}
