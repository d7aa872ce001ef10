namespace Backfill.Testing;

/// <summary>The system clock moved forward on request, so retention can pass without waiting.</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
