using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Validation;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Support;

/// <summary>
/// One lake shared by the validation tests: 14 clean days of raw and staging and 7 of features_v1, all committed
/// through the validation gate, and landing for four more days, each with one fault. A fault day is committed only
/// by its own test; a failed commit publishes nothing, so the clean baselines stay the same whatever the order.
/// </summary>
public sealed class GateLake(AzuriteFixture azurite) : IAsyncLifetime
{
    public static readonly Day First = Day.Parse("2025-01-01");
    public static readonly Day LastClean = First.AddDays(13);
    public static readonly Day ShiftDay = First.AddDays(14);
    public static readonly Day NullSpikeDay = First.AddDays(15);
    public static readonly Day VolumeDropDay = First.AddDays(16);
    public static readonly Day MissingDay = First.AddDays(17);

    private static readonly EventGeneratorOptions Options = new()
    {
        EventsPerDay = 1_000,
        EntityCount = 150,
        WeeklySeasonality = [1, 1, 1, 1, 1, 1, 1],
        Faults =
        [
            new DistributionShiftFault(ShiftDay.Date, 6),
            new NullSpikeFault(NullSpikeDay.Date, NullableColumn.SessionId, 0.3),
            new VolumeDropFault(VolumeDropDay.Date, 0.3),
            new MissingDayFault(MissingDay.Date),
        ],
    };

    internal static DateTime ProcessingTime => Pipeline.At(MissingDay.AddDays(7));

    private LakeStorage? _lake;

    internal AzuriteFixture Azurite => azurite;

    internal LakeStorage Lake => _lake ?? throw new InvalidOperationException("Not initialized.");

    internal Pipeline Pipeline { get; private set; } = null!;

    internal PartitionValidator Validator { get; private set; } = null!;

    /// <summary>Every commit of the clean history.</summary>
    internal List<CommitResult> Clean { get; } = [];

    internal static ValidationThresholds Thresholds(string dataset) => new();

    public async ValueTask InitializeAsync()
    {
        _lake = await TestLake.CreateAsync(azurite);
        Validator = new PartitionValidator(_lake, Thresholds);
        Pipeline = new Pipeline(_lake, Validator);
        await Pipeline.SeedAsync(First, 18, Options);
        var processingTime = ProcessingTime;
        for (var day = First; day <= LastClean; day = day.AddDays(1))
        {
            var raw = await Pipeline.RawAsync(day, processingTime);
            if (raw.Status != CommitStatus.Published)
            {
                throw new InvalidOperationException($"raw/{day} {raw.Status}: " + string.Join("; ", raw.Validation.Failures.Select(f => f.Message)));
            }

            Clean.Add(raw);
            Clean.Add(await Pipeline.StagingAsync(day));
        }

        for (var day = First.AddDays(7); day <= LastClean; day = day.AddDays(1))
        {
            Clean.Add(await Pipeline.FeaturesAsync(FeatureVersions.V1, day));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
