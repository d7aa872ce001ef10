using Backfill.Core.Daily;

namespace Backfill.Workflows.Models;

/// <summary>The input of one day's raw and staging builds in a daily run.</summary>
/// <param name="RunId">The daily run's instance id.</param>
/// <param name="Run">The daily run's input.</param>
/// <param name="Step">What to do for the day.</param>
public sealed record DailyDayInput(string RunId, DailyRunInput Run, DailyStep Step);
