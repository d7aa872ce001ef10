using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Storage.Reading;

namespace Backfill.Storage.Tests.Support;

/// <summary>The sample pipeline over one lake: seed landing, then commit raw, staging and features partitions.</summary>
internal sealed class Pipeline(LakeStorage lake, ICommitValidator? validator = null)
{
    private readonly ICommitValidator _validator = validator ?? PassingValidator.Instance;

    public static readonly EventGeneratorOptions SmallVolume = new() { EventsPerDay = 300, EntityCount = 40 };

    public PartitionCommitter Committer { get; } = new(lake);

    public PartitionReader Reader { get; } = new(lake);

    public LandingReader Landing { get; } = new(lake, ArrivalWindow.Default);

    public async Task SeedAsync(Day first, int days, EventGeneratorOptions? options = null)
    {
        var generator = new EventGenerator(options ?? SmallVolume);
        var writer = new LandingWriter(lake);
        for (var day = first; day <= first.AddDays(days - 1); day = day.AddDays(1))
        {
            await writer.WriteAsync($"gen-{day}", generator.Generate(day.Date), TestContext.Current.CancellationToken);
        }
    }

    public Task<CommitResult> RawAsync(Day day, DateTime processingTime, WriteMode mode = WriteMode.Overwrite) =>
        Committer.CommitAsync(
            new CommitRequest(Datasets.Raw, day, mode, TestLake.Run()),
            new RawPartitionBuilder(Landing, Reader, day, processingTime),
            _validator,
            TestContext.Current.CancellationToken);

    public Task<CommitResult> StagingAsync(Day day, WriteMode mode = WriteMode.Overwrite) =>
        Committer.CommitAsync(
            new CommitRequest(Datasets.Staging, day, mode, TestLake.Run()),
            new StagingPartitionBuilder(Reader, day),
            _validator,
            TestContext.Current.CancellationToken);

    public Task<CommitResult> FeaturesAsync(FeatureVersion features, Day day, WriteMode mode = WriteMode.Overwrite) =>
        Committer.CommitAsync(
            new CommitRequest(features.Name, day, mode, TestLake.Run() with { ConfigHash = features.ConfigHash }),
            new FeaturePartitionBuilder(Reader, features, day),
            _validator,
            TestContext.Current.CancellationToken);

    /// <summary>Raw and staging for every day, as of long after the last one, so all late events are in.</summary>
    public async Task BuildEventsAsync(Day first, int days, WriteMode mode = WriteMode.Overwrite)
    {
        var processingTime = At(first.AddDays(days + 6));
        for (var day = first; day <= first.AddDays(days - 1); day = day.AddDays(1))
        {
            await RawAsync(day, processingTime, mode);
            await StagingAsync(day, mode);
        }
    }

    public static DateTime At(Day day, int hours = 0) =>
        day.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(hours);
}
