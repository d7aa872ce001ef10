using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Storage.Pointers;
using Backfill.Storage.Reading;

namespace Backfill.LocalHost.Tests.Daily;

/// <summary>Lands generated events and recomputes features from everything landed, for the daily run's tests.</summary>
internal sealed class DailyLake
{
    private readonly LakeStorage _lake;

    public DailyLake(string connectionString, LakeSettings? options = null)
    {
        _lake = new LakeStorage(new BlobServiceClient(connectionString), new TableServiceClient(connectionString), options ?? new LakeSettings(), TimeProvider.System);
    }

    public LakeStorage Storage => _lake;

    public static EventGeneratorOptions Options(int seed, params GeneratorFault[] faults) =>
        new() { Seed = seed, EventsPerDay = 300, EntityCount = 40, Faults = faults };

    /// <summary>Lands every generated line of the days (each with its own arrival time) and returns them.</summary>
    public async Task<IReadOnlyList<GeneratedLine>> LandAsync(EventGeneratorOptions options, Day first, Day last, string batch)
    {
        await _lake.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var generator = new EventGenerator(options);
        var all = new List<GeneratedLine>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var lines = generator.Generate(day.Date).ToList();
            all.AddRange(lines);
            await new LandingWriter(_lake).WriteAsync($"{batch}-{day}", lines, TestContext.Current.CancellationToken);
        }

        return all;
    }

    /// <summary>Lands lines as one batch (e.g. a day's events arriving late).</summary>
    public Task LandAsync(string batch, IEnumerable<GeneratedLine> lines) =>
        new LandingWriter(_lake).WriteAsync(batch, lines, TestContext.Current.CancellationToken);

    /// <summary>The live features of a day.</summary>
    public async Task<IReadOnlyList<FeatureRow>> LiveFeaturesAsync(Day day) => (await ReadAsync(FeatureVersions.V1.Name, day, day)).Rows;

    /// <summary>Reads a pointer (through its mirror, as readers do) or a feature version over days.</summary>
    public Task<FeatureRead> ReadAsync(string dataset, Day first, Day last) =>
        new FeatureReader(new PartitionReader(_lake), new PointerStore(_lake)).ReadAsync(dataset, first, last, TestContext.Current.CancellationToken);

    /// <summary>Features of a day recomputed from every landed line, ignoring processing time and the daily run altogether.</summary>
    public static IReadOnlyList<FeatureRow> Recompute(IReadOnlyList<GeneratedLine> landed, Day day, FeatureVersion? version = null)
    {
        var features = version ?? FeatureVersions.V1;
        var lines = landed.Select((line, i) => new LandedLine(Hour(line.ArrivalTime), "all", i + 1, line.Text)).ToList();
        var rollups = new List<DailyRollup>();
        for (var d = day.AddDays(1 - features.InputWindowDays); d <= day; d = d.AddDays(1))
        {
            rollups.AddRange(StagingBuilder.Build(d, RawBuilder.Build(d, DateTime.MaxValue, lines).Events).Rollups);
        }

        return FeatureBuilder.Build(features, day, rollups);
    }

    private static DateTime Hour(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
}
