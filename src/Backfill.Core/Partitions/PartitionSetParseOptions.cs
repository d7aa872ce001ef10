namespace Backfill.Core.Partitions;

/// <summary>Options of one <see cref="PartitionSetParser.Parse(string, PartitionSetParseOptions)"/> call.</summary>
public sealed record PartitionSetParseOptions
{
    /// <summary>The default of <see cref="MaxDays"/>: about ten years of days.</summary>
    public const int DefaultMaxDays = 3_660;

    /// <summary>
    /// Gets the day relative terms count back from: <c>last:N</c> is the N days ending at <see cref="Today"/>.
    /// Required only when the expression has a <c>last:N</c> term.
    /// </summary>
    public Day? Today { get; init; }

    /// <summary>
    /// Gets the most days a parsed set, and any single range or <c>last:N</c> term in it, may have;
    /// it guards against a typo such as <c>2205-01-01</c> planning centuries of work.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDays
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxDays), value, "MaxDays must be at least 1.");
    } = DefaultMaxDays;
}
