using Backfill.Core.Daily;

namespace Backfill.Workflows.Models;

/// <summary>The input of one day's raw and staging builds in a daily run.</summary>
/// <param name="RunId">The daily run's instance id.</param>
/// <param name="Run">The daily run's input.</param>
/// <param name="Step">What to do for the day.</param>
/// <param name="Slots">The run's cap slots the day's bucket steps may take at once (a day in one piece takes one).</param>
public sealed record DailyDayInput(string RunId, DailyRunInput Run, DailyStep Step, int Slots = 1);
