namespace Backfill.Testing;

/// <summary>The system clock moved forward on request, so retention can pass without waiting.</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private TimeSpan offset;

    public void Advance(TimeSpan by) => offset += by;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
