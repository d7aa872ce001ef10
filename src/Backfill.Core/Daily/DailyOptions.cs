namespace Backfill.Core.Daily;

/// <summary>
/// The daily planner's options that decide which days a run processes: a parameter object the orchestrator builds from
/// the run's input (itself from <c>DailySettings</c>), not configuration.
/// </summary>
public sealed record DailyOptions
{
    /// <summary>The default of <see cref="LagDays"/>: a day is processed two days after it ends.</summary>
    public const int DefaultLagDays = 2;

    /// <summary>The default of <see cref="RollingDays"/>.</summary>
    public const int DefaultRollingDays = 3;

    /// <summary>The default of <see cref="MaxCatchupDays"/>.</summary>
    public const int DefaultMaxCatchupDays = 31;

    /// <summary>The most <see cref="RollingDays"/> allowed: a week of merge rebuilds per run.</summary>
    public const int MaxRollingDays = 7;

    /// <summary>
    /// Gets how many days the watermark trails the run date: at run time T the watermark is
    /// date(T) − <see cref="LagDays"/>, so most late events have landed before their day is first built.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int LagDays
    {
        get;
        init => field = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(LagDays), value, "LagDays cannot be negative.");
    } = DefaultLagDays;

    /// <summary>
    /// Gets how many days just before the watermark the rolling reprocess rebuilds in merge mode to pick up
    /// late events; 0 turns it off.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0..<see cref="MaxRollingDays"/>.</exception>
    public int RollingDays
    {
        get;
        init => field = value is >= 0 and <= MaxRollingDays
            ? value
            : throw new ArgumentOutOfRangeException(
                nameof(RollingDays), value, $"RollingDays must be between 0 and {MaxRollingDays}.");
    } = DefaultRollingDays;

    /// <summary>
    /// Gets whether the daily run also processes the days missed since the committed watermark (catchup);
    /// when <see langword="false"/> it processes only the watermark day and the rolling reprocess. Default
    /// <see langword="true"/>.
    /// </summary>
    public bool Catchup { get; init; } = true;

    /// <summary>
    /// Gets the most catchup days one run processes, oldest first; later missed days stay gaps for the next runs,
    /// so a long outage never makes one run (and its history) unbounded.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxCatchupDays
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxCatchupDays), value, "MaxCatchupDays must be at least 1.");
    } = DefaultMaxCatchupDays;
}
