using Cronos;
using Backfill.Workflows.Hosting;

namespace Backfill.LocalHost.Hosting;

/// <summary>The daily run's schedule: the same six-field cron (seconds first, UTC) the Functions timer reads from <c>DailySchedule</c>.</summary>
internal sealed class DailySchedule
{
    private readonly CronExpression _cron;

    public DailySchedule(string? expression)
    {
        Expression = string.IsNullOrWhiteSpace(expression) ? DailySettings.DefaultSchedule : expression;
        _cron = CronExpression.Parse(Expression, CronFormat.IncludeSeconds);
    }

    public string Expression { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        _cron.GetNextOccurrence(after, TimeZoneInfo.Utc)
        ?? throw new InvalidOperationException($"The schedule '{Expression}' has no occurrence after {after:O}.");
}
