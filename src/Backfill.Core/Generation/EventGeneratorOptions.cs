using System.ComponentModel.DataAnnotations;
using Backfill.Core.Landing;

namespace Backfill.Core.Generation;

/// <summary>Options of the sample event source, a parameter object of each call (not configuration); defaults model a mid-size shop.</summary>
public sealed record EventGeneratorOptions
{
    /// <summary>Gets the seed; the same seed and options give the same lines.</summary>
    public int Seed { get; init; } = 20250101;

    /// <summary>Gets the average events per day before seasonality (must scale to 1M+).</summary>
    [Range(0, 100_000_000)]
    public int EventsPerDay { get; init; } = 50_000;

    /// <summary>Gets how many distinct users act; activity is skewed towards low ids.</summary>
    [Range(1, 100_000_000)]
    public int EntityCount { get; init; } = 5_000;

    /// <summary>Gets how late events arrive.</summary>
    public LatenessDistribution Lateness { get; init; } = LatenessDistribution.Default;

    /// <summary>Gets the share of events delivered twice (same line, later arrival).</summary>
    [Range(0.0, 1.0)]
    public double DuplicateRate { get; init; } = 0.005;

    /// <summary>Gets the share of lines landed malformed (bad JSON, missing field, wrong type).</summary>
    [Range(0.0, 1.0)]
    public double MalformedRate { get; init; } = 0.001;

    /// <summary>
    /// Gets the volume multiplier per day of week, indexed by <see cref="DayOfWeek"/> (Sunday first): busier
    /// weekends, a quiet Monday.
    /// </summary>
    public IReadOnlyList<double> WeeklySeasonality { get; init; } = [1.25, 0.85, 0.9, 0.95, 1.0, 1.1, 1.3];

    /// <summary>Gets the faults to inject.</summary>
    public IReadOnlyList<GeneratorFault> Faults { get; init; } = [];
}
