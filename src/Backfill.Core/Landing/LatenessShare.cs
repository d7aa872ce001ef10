namespace Backfill.Core.Landing;

/// <summary>
/// A share of events whose lateness (arrival − end of the event day) falls in [<paramref name="From"/>,
/// <paramref name="To"/>), the same half-open intervals as the late-data metrics' bands. The on-time share has
/// <c>From = To = 0</c> and arrives between the event and the end of its day (lateness below 0).
/// </summary>
/// <param name="Share">The fraction of events, 0..1.</param>
/// <param name="From">The inclusive lower bound of lateness.</param>
/// <param name="To">The exclusive upper bound of lateness.</param>
public sealed record LatenessShare(double Share, TimeSpan From, TimeSpan To)
{
    /// <summary>Gets whether the share holds events that arrive on their event day.</summary>
    public bool IsOnTime => To <= TimeSpan.Zero;
}
