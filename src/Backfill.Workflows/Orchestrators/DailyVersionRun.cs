using Backfill.Core.Daily;
using Backfill.Core.Features;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Pointers;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask.Entities;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// One feature version inside a daily run: planned from its own committed watermark, so catchup works per version,
/// with its features steps and their results.
/// </summary>
internal sealed class DailyVersionRun
{
    private readonly HashSet<Day> _committedDays;

    public DailyVersionRun(VersionEntry entry, DailyWatermarkState state, DateTimeOffset asOf, DailyOptions options, bool repair)
    {
        Version = entry.Version;
        State = state;
        Dependencies = new LayerDependencies(FeatureVersions.Get(entry.Version).InputWindowDays);
        _committedDays = [.. state.CommittedDays];

        // Before its first commit, a version registered while runs were missed catches up from its first day: the
        // backfill that registered it filled the days before. (Catchup needs a committed watermark to start from.)
        var catchupFrom = state.Watermark ?? (entry.FirstDay is { } first && first < Watermark.At(asOf, options.LagDays) ? first.AddDays(-1) : null);
        Plan = DailyPlanner.Create(asOf, catchupFrom, _committedDays, options, Dependencies);
        Steps = DailySteps.Of(Plan, repair ? state.PendingRepairs : [], IsCommitted, Dependencies);
        bool IsPlanned(Day day) => day <= catchupFrom || IsCommitted(day);
        IsPlannedCommitted = IsPlanned;
    }

    /// <summary>Gets the feature version.</summary>
    public string Version { get; }

    /// <summary>Gets its durable watermark state when the run started.</summary>
    public DailyWatermarkState State { get; }

    /// <summary>Gets which of its features days read which staging days.</summary>
    public LayerDependencies Dependencies { get; }

    /// <summary>Gets its plan.</summary>
    public DailyPlan Plan { get; }

    /// <summary>Gets its own steps, oldest first.</summary>
    public IReadOnlyList<DailyStep> Steps { get; }

    /// <summary>Gets its features steps once the run's shared upstream steps are known.</summary>
    public IReadOnlyList<DailyStep> FeaturesSteps { get; private set; } = [];

    /// <summary>Gets its features results by day.</summary>
    public Dictionary<Day, DailyLayerResult> Results { get; } = [];

    /// <summary>Gets whether a day counted as committed when the plan was made (including a catchup start before the first commit).</summary>
    public Func<Day, bool> IsPlannedCommitted { get; }

    /// <summary>Gets its watermark entity.</summary>
    public EntityInstanceId Entity => new(nameof(DailyWatermarkEntity), Version);

    /// <summary>Whether a day is committed in this version's durable state.</summary>
    public bool IsCommitted(Day day) => day <= State.Watermark || _committedDays.Contains(day);

    /// <summary>Adds the features days a shared staging rebuild invalidates for this version.</summary>
    public void Share(IReadOnlyList<DailyStep> upstream) =>
        FeaturesSteps = SharedSteps.Features(Steps, upstream, Plan.Watermark, IsPlannedCommitted, Dependencies);

    /// <summary>Whether <paramref name="day"/> counts as committed for this version: a daily or catchup day whose raw, staging and features succeeded.</summary>
    public bool IsDayCommitted(Day day, IReadOnlyList<DailyLayerResult> upstream) =>
        Steps.Any(step => step.Day == day && step.AdvancesWatermark)
        && upstream.Count == 2 && upstream.All(r => r.Succeeded)
        && Results.TryGetValue(day, out var features) && features.Succeeded;
}
