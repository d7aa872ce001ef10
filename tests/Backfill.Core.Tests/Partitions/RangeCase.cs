using Backfill.Core.Partitions;

namespace Backfill.Core.Tests.Partitions;

/// <summary>An inclusive range of days for property tests; the start is not after the end.</summary>
/// <param name="Start">The first day.</param>
/// <param name="End">The last day.</param>
public sealed record RangeCase(Day Start, Day End)
{
    /// <summary>Gets the range as a user types it.</summary>
    public string Expression => $"{Start}..{End}";

    /// <inheritdoc/>
    public override string ToString() => Expression;
}
