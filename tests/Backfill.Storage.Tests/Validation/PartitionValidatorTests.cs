using Backfill.Core.Events;
using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Lineage;
using Backfill.Storage.Parquet;
using Backfill.Storage.Reading;
using Backfill.Storage.Tests.Support;
using Backfill.Storage.Validation;

namespace Backfill.Storage.Tests.Validation;

/// <summary>Each check of the gate passes on clean generated data and fires on its generated fault.</summary>
public sealed class PartitionValidatorTests(GateLake gate) : IClassFixture<GateLake>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void CleanHistory_EveryCommit_IsPublishedWithoutAFail()
    {
        Assert.Equal(14 + 14 + 7, gate.Clean.Count);
        Assert.All(gate.Clean, result =>
        {
            Assert.Empty(result.Validation.Failures.Select(f => $"{result.Commit.Dataset}/{result.Commit.Partition} {f.Name}({f.Column}): {f.Message}"));
            Assert.Equal(CommitStatus.Published, result.Status);
        });
    }

    [Fact]
    public void CleanHistory_LastDayOfEachLayer_RanEveryCheckWithABaseline()
    {
        var raw = Last(Datasets.Raw);
        var staging = Last(Datasets.Staging);
        var features = Last(FeatureVersions.V1.Name);

        Assert.Equal(
            [ValidationCheckNames.RowCountBounds, ValidationCheckNames.Schema, ValidationCheckNames.RowsRead, ValidationCheckNames.LandedLines,
             ValidationCheckNames.RowCountTrend, ValidationCheckNames.NullRate],
            raw.Results.Select(r => r.Name).Distinct());
        Assert.Contains(staging.Results, r => r.Name == ValidationCheckNames.KeyUniqueness && r.Status == ValidationStatus.Pass);
        Assert.Contains(staging.Results, r => r.Name == ValidationCheckNames.StagingRows && r.Status == ValidationStatus.Pass);
        Assert.Contains(features.Results, r => r.Name == ValidationCheckNames.FeaturesEntities && r.Status == ValidationStatus.Pass);
        Assert.Equal(
            FeatureVersions.V1.Features.Select(f => f.Name),
            features.Results.Where(r => r.Name == ValidationCheckNames.Drift).Select(r => r.Column));
        Assert.All(features.Results.Where(r => r.Name == ValidationCheckNames.Drift), r => Assert.NotNull(r.Observed));

        // Six trailing features days and seven trailing raw days: the trend was judged, not skipped.
        Assert.Contains("median", Trend(raw).Message, StringComparison.Ordinal);
        Assert.Contains("6 trailing committed partitions", Trend(features).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_CleanCommit_ManifestLineageAndProfileCarryTheResults()
    {
        var result = gate.Clean.Last(r => r.Commit.Dataset == Datasets.Staging);
        var manifest = await new PartitionReader(gate.Lake).GetLiveCommitAsync(Datasets.Staging, GateLake.LastClean, Ct);
        var lineage = await new LineageStore(gate.Lake).GetAsync(Datasets.Staging, GateLake.LastClean, result.Commit.CommitId, Ct);
        var profile = await new PartitionProfileStore(gate.Lake).ReadAsync(result.Commit, Ct);

        Assert.Equal(result.Commit.CommitId, manifest!.CommitId);
        Assert.Equal(result.Validation.Results, lineage!.ValidationResults);
        Assert.Equal(result.Commit.RowCount, profile!.RowCount);
        Assert.NotNull(profile.Column("amount")!.Numeric!.Sketch);
        var stored = await ManifestValidationAsync(Datasets.Staging, GateLake.LastClean);
        Assert.Equal(result.Validation.Results, stored);
    }

    [Fact]
    public async Task NullSpike_SessionId_FailsNullRateAndStaysUnpublished()
    {
        var result = await gate.Pipeline.RawAsync(GateLake.NullSpikeDay, GateLake.ProcessingTime);

        Assert.Equal(CommitStatus.Rejected, result.Status);
        var failure = Assert.Single(result.Validation.Failures);
        Assert.Equal((ValidationCheckNames.NullRate, "session_id"), (failure.Name, failure.Column));
        Assert.InRange(failure.Observed!.Value, 0.25, 0.35);
        Assert.Null(await gate.Pipeline.Reader.GetLiveCommitAsync(Datasets.Raw, GateLake.NullSpikeDay, Ct));
    }

    [Fact]
    public async Task VolumeDrop_Raw_FailsRowCountTrend()
    {
        var result = await gate.Pipeline.RawAsync(GateLake.VolumeDropDay, GateLake.ProcessingTime);

        Assert.Equal(CommitStatus.Rejected, result.Status);
        var failure = Assert.Single(result.Validation.Failures);
        Assert.Equal(ValidationCheckNames.RowCountTrend, failure.Name);
        Assert.InRange(failure.Observed!.Value, -0.8, -0.6);
    }

    [Fact]
    public async Task MissingDay_Raw_FailsRowCountBoundsAndTrend()
    {
        var result = await gate.Pipeline.RawAsync(GateLake.MissingDay, GateLake.ProcessingTime);

        Assert.Equal(CommitStatus.Rejected, result.Status);
        Assert.Equal(
            [ValidationCheckNames.RowCountBounds, ValidationCheckNames.RowCountTrend],
            result.Validation.Failures.Select(f => f.Name));
    }

    [Fact]
    public async Task DistributionShift_Features_FailsDriftOnAmountFeatures()
    {
        Assert.Equal(CommitStatus.Published, (await gate.Pipeline.RawAsync(GateLake.ShiftDay, GateLake.ProcessingTime)).Status);
        Assert.Equal(CommitStatus.Published, (await gate.Pipeline.StagingAsync(GateLake.ShiftDay)).Status);
        var before = await gate.Pipeline.Reader.GetLiveCommitAsync(FeatureVersions.V1.Name, GateLake.ShiftDay, Ct);

        var result = await gate.Pipeline.FeaturesAsync(FeatureVersions.V1, GateLake.ShiftDay);

        Assert.Equal(CommitStatus.Rejected, result.Status);
        var drifted = result.Validation.Failures.Where(f => f.Name == ValidationCheckNames.Drift).Select(f => f.Column).ToList();
        Assert.Contains("amount_1d", drifted);
        Assert.All(drifted, column => Assert.StartsWith("amount", column, StringComparison.Ordinal));
        Assert.Contains("mean +", result.Validation.Failures.First(f => f.Column == "amount_1d").Message, StringComparison.Ordinal);
        Assert.Null(before);
        Assert.Null(await gate.Pipeline.Reader.GetLiveCommitAsync(FeatureVersions.V1.Name, GateLake.ShiftDay, Ct));
    }

    [Fact]
    public async Task DuplicateEventIds_Staging_FailsKeyUniqueness()
    {
        var day = GateLake.LastClean.AddDays(-1);
        var live = await LiveEventsAsync(Datasets.Staging, day);

        var result = await CommitEventsAsync(Datasets.Staging, day, [.. live, .. live.Take(3)]);

        var failure = Assert.Single(result.Validation.Failures);
        Assert.Equal((ValidationCheckNames.KeyUniqueness, 3.0), (failure.Name, failure.Observed));
    }

    [Fact]
    public async Task InventedEvents_Staging_FailsStagingRowsAgainstRaw()
    {
        var day = GateLake.LastClean.AddDays(-2);
        var live = await LiveEventsAsync(Datasets.Staging, day);
        var invented = live.Take(200).Select((row, i) => row with { Event = row.Event with { EventId = $"invented-{i}" } });

        var result = await CommitEventsAsync(Datasets.Staging, day, [.. live, .. invented]);

        Assert.Contains(result.Validation.Failures, f => f.Name == ValidationCheckNames.StagingRows);
        Assert.DoesNotContain(result.Validation.Failures, f => f.Name == ValidationCheckNames.KeyUniqueness);
    }

    [Fact]
    public async Task LostRows_Raw_FailsLandedLines()
    {
        var day = GateLake.LastClean.AddDays(-3);
        var live = (await gate.Pipeline.Reader.GetLiveCommitAsync(Datasets.Raw, day, Ct))!;
        var rows = await gate.Pipeline.Reader.ReadEventsAsync(live, Ct);

        // The landed count the build saw, but ten rows short in the file: a line is neither kept nor quarantined.
        var result = await CommitEventsAsync(Datasets.Raw, day, [.. rows.Skip(10)], landed: live.LandedLines!.Value);

        var failure = Assert.Single(result.Validation.Failures);
        Assert.Equal(ValidationCheckNames.LandedLines, failure.Name);
    }

    [Fact]
    public async Task DuplicateKeys_Features_FailsKeyUniquenessAndInventedEntities()
    {
        var day = GateLake.LastClean.AddDays(-1);
        var rows = new[] { FeatureRowsBuilder.Row("e000001", day.Date, 1), FeatureRowsBuilder.Row("e000001", day.Date, 1) };

        var result = await gate.Pipeline.Committer.CommitAsync(
            new CommitRequest(FeatureVersions.V1.Name, day, WriteMode.Overwrite, TestLake.Run()),
            new FeatureRowsBuilder(gate.Pipeline.Reader, rows), gate.Validator, Ct);

        Assert.Equal(CommitStatus.Rejected, result.Status);
        Assert.Contains(result.Validation.Failures, f => f.Name == ValidationCheckNames.KeyUniqueness && f.Observed == 1);

        // The rows name no staging input, so their entity is not among the window's staging entities.
        Assert.Contains(result.Validation.Failures, f => f.Name == ValidationCheckNames.FeaturesEntities);
    }

    [Fact]
    public async Task SchemaChange_FeaturesV2WrittenWithV1Columns_FailsSchemaAndRowsRead()
    {
        var day = GateLake.LastClean;
        var rows = new[] { FeatureRowsBuilder.Row("e000001", day.Date, 1) };

        var result = await gate.Pipeline.Committer.CommitAsync(
            new CommitRequest(FeatureVersions.V2.Name, day, WriteMode.Overwrite, TestLake.Run()),
            new FeatureRowsBuilder(gate.Pipeline.Reader, rows), gate.Validator, Ct);

        Assert.Equal(CommitStatus.Rejected, result.Status);
        var schema = Assert.Single(result.Validation.Results, r => r.Name == ValidationCheckNames.Schema);
        Assert.Equal(ValidationStatus.Fail, schema.Status);
        Assert.Contains("missing 'avg_order_value_7d'", schema.Message, StringComparison.Ordinal);
        Assert.Contains(result.Validation.Failures, f => f.Name == ValidationCheckNames.RowsRead);
    }

    [Fact]
    public async Task VersionSwitch_FeaturesV2_ComparesWithTheSameDayOfV1()
    {
        var day = GateLake.LastClean;
        var staged = await gate.Pipeline.Committer.StageAsync(
            new CommitRequest(FeatureVersions.V2.Name, day, WriteMode.Overwrite, TestLake.Run() with { ConfigHash = FeatureVersions.V2.ConfigHash }),
            new FeaturePartitionBuilder(gate.Pipeline.Reader, FeatureVersions.V2, day), Ct);

        var report = await gate.Validator.ValidateAsync(staged, Ct);

        var drift = report.Results.Where(r => r.Name == ValidationCheckNames.Drift).ToDictionary(r => r.Column!);

        // Unchanged definitions over the same staging days give identical columns: PSI exactly 0 against v1's day.
        Assert.Equal(0, drift["events_7d"].Observed);
        Assert.Equal(0, drift["purchases_7d"].Observed);
        Assert.Null(drift["purchases_28d"].Observed);
        Assert.Contains("the reference has no values", drift["purchases_28d"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarmUp_FeaturesWithIncompleteWindow_ReportsTrendAndDriftWithoutFailing()
    {
        var second = await gate.Pipeline.FeaturesAsync(FeatureVersions.V1, GateLake.First.AddDays(1));
        var third = await gate.Pipeline.FeaturesAsync(FeatureVersions.V1, GateLake.First.AddDays(2));

        Assert.Equal((CommitStatus.Published, CommitStatus.Published), (second.Status, third.Status));

        // The 7-day features of day 3 (3 of 7 staging days) are far from day 2's (2 of 7): drift that is only reported.
        var reported = third.Validation.Results.Where(r => r.Name == ValidationCheckNames.Drift && r.Status == ValidationStatus.Warn).ToList();
        Assert.Contains(reported, r => r.Message.EndsWith("Reported, not failed: input window incomplete (3 of 7 staging days).", StringComparison.Ordinal));
    }

    private PartitionValidationReport Last(string dataset) => gate.Clean.Last(r => r.Commit.Dataset == dataset).Validation;

    private static ValidationResult Trend(PartitionValidationReport report) =>
        report.Results.Single(r => r.Name == ValidationCheckNames.RowCountTrend);

    private async Task<IReadOnlyList<ArrivedEvent>> LiveEventsAsync(string dataset, Day day) =>
        await gate.Pipeline.Reader.ReadEventsAsync((await gate.Pipeline.Reader.GetLiveCommitAsync(dataset, day, Ct))!, Ct);

    private async Task<CommitResult> CommitEventsAsync(string dataset, Day day, IReadOnlyList<ArrivedEvent> rows, long? landed = null)
    {
        IReadOnlyList<InputCommit> inputs = dataset == Datasets.Staging
            ? [new InputCommit(Datasets.Raw, day, (await gate.Pipeline.Reader.GetLiveCommitAsync(Datasets.Raw, day, Ct))!.CommitId)]
            : [];
        var before = await gate.Pipeline.Reader.GetLiveCommitAsync(dataset, day, Ct);
        var result = await gate.Pipeline.Committer.CommitAsync(
            new CommitRequest(dataset, day, WriteMode.Overwrite, TestLake.Run()), new EventRowsBuilder(rows, inputs, landed), gate.Validator, Ct);
        Assert.Equal(CommitStatus.Rejected, result.Status);
        Assert.Equal(before!.CommitId, (await gate.Pipeline.Reader.GetLiveCommitAsync(dataset, day, Ct))!.CommitId);
        return result;
    }

    private async Task<IReadOnlyList<ValidationResult>?> ManifestValidationAsync(string dataset, Day day)
    {
        var blob = TestLake.Container(gate.Azurite, gate.Lake).GetBlobClient($"{dataset}/{day.PathSegment}/_manifest.json");
        var manifest = (await blob.DownloadContentAsync(Ct)).Value.Content.ToObjectFromJson<PartitionManifest>(Backfill.Storage.Layout.LakeJson.Options);
        return manifest!.Validation;
    }
}
