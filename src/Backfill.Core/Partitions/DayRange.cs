namespace Backfill.Core.Partitions;

/// <summary>An inclusive run of days, as <see cref="DateOnly.DayNumber"/> values.</summary>
/// <param name="First">The first day's number.</param>
/// <param name="Last">The last day's number; not before <paramref name="First"/>.</param>
internal readonly record struct DayRange(int First, int Last)
{
    public int Count => Last - First + 1;

    public IEnumerable<int> DayNumbers() => Enumerable.Range(First, Count);
}
