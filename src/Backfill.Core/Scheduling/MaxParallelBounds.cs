namespace Backfill.Core.Scheduling;

/// <summary>
/// The bounds of a max parallel (the most work items of one backfill, or of the daily run, in flight at once), shared
/// by the API's checks, the settings' ranges, the orchestrator and the CLI's help, so they cannot disagree.
/// </summary>
public static class MaxParallelBounds
{
    /// <summary>The least max parallel: one work item at a time.</summary>
    public const int Min = 1;

    /// <summary>The most: far above any activity budget a host should run, so the budget, not this, is what limits a large backfill.</summary>
    public const int Max = 64;

    /// <summary>The max parallel of a backfill that names none, and of the daily run (<c>Backfill:MaxParallel</c>, <c>Daily:MaxParallel</c>).</summary>
    public const int Default = 3;

    /// <summary>The bounds as the API and the CLI print them: <c>1-64</c>.</summary>
    public static string Text { get; } = $"{Min}-{Max}";

    /// <summary>Whether <paramref name="maxParallel"/> is within the bounds.</summary>
    public static bool Contains(int maxParallel) => maxParallel is >= Min and <= Max;
}
