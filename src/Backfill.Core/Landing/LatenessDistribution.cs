namespace Backfill.Core.Landing;

/// <summary>How late events arrive: shares of lateness intervals, summing to 1.</summary>
public sealed record LatenessDistribution
{
    /// <summary>Creates a distribution from its shares.</summary>
    /// <param name="shares">Shares summing to 1 (within 1e-9) with non-negative, ordered bounds.</param>
    /// <exception cref="ArgumentException">The shares do not sum to 1 or a share's bounds are reversed.</exception>
    public LatenessDistribution(IReadOnlyList<LatenessShare> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0 || Math.Abs(shares.Sum(share => share.Share) - 1) > 1e-9)
        {
            throw new ArgumentException("Lateness shares must sum to 1.", nameof(shares));
        }

        if (shares.Any(share => share.Share < 0 || share.From < TimeSpan.Zero || share.To < share.From))
        {
            throw new ArgumentException("Lateness shares need non-negative fractions and From <= To.", nameof(shares));
        }

        Shares = shares;
    }

    /// <summary>
    /// Gets the default: 85% on the event day, 10% within 24 h, 4% in 24–48 h, 1% in 48–96 h after its end.
    /// </summary>
    public static LatenessDistribution Default { get; } = new(
    [
        new LatenessShare(0.85, TimeSpan.Zero, TimeSpan.Zero),
        new LatenessShare(0.10, TimeSpan.Zero, TimeSpan.FromHours(24)),
        new LatenessShare(0.04, TimeSpan.FromHours(24), TimeSpan.FromHours(48)),
        new LatenessShare(0.01, TimeSpan.FromHours(48), TimeSpan.FromHours(96)),
    ]);

    /// <summary>Gets the shares.</summary>
    public IReadOnlyList<LatenessShare> Shares { get; }

    /// <summary>Gets the bound every lateness stays below: the largest upper bound.</summary>
    public TimeSpan MaxLateness => Shares.Max(share => share.To);

    /// <summary>Returns the arrival time of an event from two uniform samples.</summary>
    /// <param name="eventTime">When the event happened, UTC.</param>
    /// <param name="shareSample">A uniform sample in [0, 1) choosing the share.</param>
    /// <param name="offsetSample">A uniform sample in [0, 1) placing the arrival inside the share's interval.</param>
    /// <returns>The arrival time: never before the event, and inside the chosen share's lateness interval.</returns>
    public DateTime ArrivalTime(DateTime eventTime, double shareSample, double offsetSample)
    {
        var share = Shares[^1];
        var cumulative = 0.0;
        foreach (var candidate in Shares)
        {
            cumulative += candidate.Share;
            if (shareSample < cumulative)
            {
                share = candidate;
                break;
            }
        }

        var endOfDay = eventTime.Date.AddDays(1);
        return share.IsOnTime
            ? eventTime + ((endOfDay - eventTime) * offsetSample)
            : endOfDay + share.From + ((share.To - share.From) * offsetSample);
    }
}
