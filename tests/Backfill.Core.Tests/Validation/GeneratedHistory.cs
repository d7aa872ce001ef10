using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

/// <summary>
/// Consecutive days from the sample event generator, built as the pipeline builds them (raw → staging → features_v1)
/// and kept only as profiles, so a test can run the gate's rules over hundreds of partitions without storage.
/// </summary>
internal sealed class GeneratedHistory
{
    public static readonly Day First = Day.Parse("2025-01-01");

    // The columns as the lake's files declare them (EventParquet, FeatureParquet): nullability decides the null rate check.
    public static readonly IReadOnlyList<ColumnSchema> EventColumns =
    [
        new("event_id", "string", false), new("entity_id", "string", false), new("event_time", "timestamp", false),
        new("event_type", "uint8", false), new("amount", "decimal", true), new("session_id", "string", true),
        new("arrival_time", "timestamp", false),
    ];

    public static readonly IReadOnlyList<ColumnSchema> FeatureColumns =
        [new("entity_id", "string", false), new("date", "date", false), .. FeatureVersions.V1.Features.Select(f => new ColumnSchema(f.Name, "double", false))];

    private const int EventsPerEntity = 5;

    // Days generated in parallel at once: bounds memory to a batch of days' events.
    private const int Batch = 8;

    private GeneratedHistory(IReadOnlyDictionary<string, IReadOnlyList<DayProfile>> datasets) => Datasets = datasets;

    /// <summary>Gets each dataset's days, oldest first: features_v1 starts on the first day with a full window.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DayProfile>> Datasets { get; }

    /// <summary>Generates <paramref name="days"/> days from <see cref="First"/>, five events per entity a day (as 1,500 events for 300 entities).</summary>
    public static GeneratedHistory Create(int entities, int days, IReadOnlyList<GeneratorFault>? faults = null, Func<Day, IReadOnlyList<ArrivedEvent>, IReadOnlyList<ArrivedEvent>>? tamperStaging = null)
    {
        var generator = new EventGenerator(new EventGeneratorOptions
        {
            EntityCount = entities, EventsPerDay = entities * EventsPerEntity, Faults = faults ?? [],
        });
        var raw = new List<DayProfile>();
        var staging = new List<DayProfile>();
        var features = new List<DayProfile>();
        var window = new Queue<RollupDay>();
        for (var start = 0; start < days; start += Batch)
        {
            var built = Enumerable.Range(start, Math.Min(Batch, days - start)).AsParallel().AsOrdered().Select(offset =>
            {
                var day = First.AddDays(offset);
                var rawEvents = generator.Generate(day.Date)
                    .Select(line => (Parsed: EventLine.Parse(line.Text).Event, line.ArrivalTime))
                    .Where(line => line.Parsed is { } e && DateOnly.FromDateTime(e.EventTime) == day.Date)
                    .Select(line => new ArrivedEvent(line.Parsed!, line.ArrivalTime))
                    .ToList();
                var build = StagingBuilder.Build(day, rawEvents);
                var stagedEvents = tamperStaging?.Invoke(day, build.Events) ?? build.Events;
                var keys = stagedEvents.Select(e => e.Event.EventId).ToList();
                return (Day: day,
                    Raw: new DayProfile(day, PartitionProfiles.OfEvents(rawEvents), 0),
                    Staging: new DayProfile(day, PartitionProfiles.OfEvents(stagedEvents), keys.Count - keys.Distinct(StringComparer.Ordinal).Count()),
                    Rollups: RollupDay.Group(build.Rollups).Single());
            }).ToList();
            foreach (var day in built)
            {
                raw.Add(day.Raw);
                staging.Add(day.Staging);
                window.Enqueue(day.Rollups);
                if (window.Count > FeatureVersions.V1.InputWindowDays)
                {
                    window.Dequeue();
                }

                if (window.Count == FeatureVersions.V1.InputWindowDays)
                {
                    var rows = FeatureBuilder.Build(FeatureVersions.V1, day.Day, window);
                    features.Add(new DayProfile(day.Day, PartitionProfiles.OfFeatures(FeatureVersions.V1, rows), 0));
                }
            }
        }

        return new GeneratedHistory(new Dictionary<string, IReadOnlyList<DayProfile>>
        {
            ["raw"] = raw, ["staging"] = staging, [FeatureVersions.V1.Name] = features,
        });
    }

    /// <summary>
    /// The gate's verdict on the partition at <paramref name="index"/> of <paramref name="dataset"/>, with the
    /// <paramref name="baselinePartitions"/> partitions before it as its trailing baseline (newest first), as
    /// <c>PartitionValidator</c> judges it: bounds, key uniqueness and the baseline checks.
    /// </summary>
    public IReadOnlyList<ValidationResult> Validate(string dataset, int index, ValidationThresholds thresholds)
    {
        var days = Datasets[dataset];
        var trailing = Enumerable.Range(1, thresholds.BaselinePartitions).Select(back => index - back).Where(i => i >= 0)
            .Select(i => new BaselinePartition(dataset, days[i].Day, "c" + i, days[i].Profile)).ToList();
        var candidate = days[index];
        var isFeatures = dataset == FeatureVersions.V1.Name;
        List<ValidationResult> results =
        [
            RowCountRule.CheckBounds(candidate.Profile.RowCount, thresholds),
            KeyUniquenessRule.Check(new DuplicateKeys(["event_id"], candidate.DuplicateKeys, null)),
            .. BaselineChecks.Check(candidate.Profile, trailing, null, isFeatures ? FeatureColumns : EventColumns, thresholds, isFeatures, null),
        ];
        return results;
    }

    /// <summary>One day of one dataset: its profile, and how many of its rows repeat a key.</summary>
    public sealed record DayProfile(Day Day, PartitionProfile Profile, long DuplicateKeys);
}
