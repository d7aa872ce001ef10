namespace Backfill.Storage.Tests.Support;

/// <summary>The system clock moved forward on request, so retention can pass without waiting.</summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    private TimeSpan offset;

    public void Advance(TimeSpan by) => offset += by;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
