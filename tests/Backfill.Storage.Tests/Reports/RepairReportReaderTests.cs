using Azure.Data.Tables;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Core.Reports;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Reports;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Reports;

/// <summary>
/// The repair report read from a real lake: a run that rebuilt one day's raw, staging and features after late events
/// landed, and built a features day for the first time, while another run changed a neighbouring raw day.
/// </summary>
public sealed class RepairReportReaderTests(AzuriteFixture azurite)
{
    private const string Repair = "bf-fix";
    private static readonly Day Day1 = Day.Parse("2025-01-01");
    private static readonly Day Day2 = Day1.AddDays(1);
    private static readonly Day Day3 = Day1.AddDays(2);
    private static readonly Day Day4 = Day1.AddDays(3);
    private static readonly Day Day5 = Day1.AddDays(4);
    private static readonly string[] Written = [Datasets.Raw, Datasets.Staging, FeatureVersions.V1.Name];

    [Fact]
    public async Task ReadAsync_RepairedDayNewDayAndANeighbourChangedByAnotherRun_ReportsDeltasProofAndOnlyTheStalenessItCaused()
    {
        var ct = TestContext.Current.CancellationToken;
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(Day1, 4);
        await pipeline.BuildEventsAsync(Day1, 4);
        var superseded = new Dictionary<string, string>();
        for (var day = Day1; day <= Day3; day = day.AddDays(1))
        {
            await pipeline.FeaturesAsync(FeatureVersions.V1, day);
        }

        foreach (var dataset in Written)
        {
            superseded[dataset] = (await pipeline.Reader.GetRequiredCommitAsync(dataset, Day2, ct)).CommitId;
        }

        var startedAt = DateTimeOffset.UtcNow;
        var late = new EventGenerator(new EventGeneratorOptions { EventsPerDay = 100, EntityCount = 40, Seed = 77 });
        var writer = new LandingWriter(lake);
        await writer.WriteAsync($"late-{Day2}", late.Generate(Day2.Date), ct);
        await writer.WriteAsync($"late-{Day3}", late.Generate(Day3.Date), ct);
        var processingTime = Pipeline.At(Day1.AddDays(14));

        // The repair: day 2 in every layer, and day 4's features for the first time.
        Assert.Equal(CommitStatus.Published, (await CommitAsync(pipeline, Datasets.Raw, Day2, Repair, new RawPartitionBuilder(pipeline.Landing, pipeline.Reader, Day2, processingTime))).Status);
        Assert.Equal(CommitStatus.Published, (await CommitAsync(pipeline, Datasets.Staging, Day2, Repair, new StagingPartitionBuilder(pipeline.Reader, pipeline.Exchange, Day2))).Status);
        foreach (var day in new[] { Day2, Day4 })
        {
            Assert.Equal(CommitStatus.Published, (await CommitAsync(pipeline, FeatureVersions.V1.Name, day, Repair, new FeaturePartitionBuilder(pipeline.Reader, FeatureVersions.V1, day))).Status);
        }

        // Meanwhile another run rebuilds raw of day 3: changed since the start, and its staging is stale, but not by the repair.
        Assert.Equal(CommitStatus.Published, (await CommitAsync(pipeline, Datasets.Raw, Day3, "daily-2025-01-05", new RawPartitionBuilder(pipeline.Landing, pipeline.Reader, Day3, processingTime))).Status);

        // Day 4's publish stopped between its manifest write and its lineage write: the row still says staged, the manifest counts.
        var row = (await lake.Lineage.GetEntityAsync<TableEntity>($"features_v1|{Day4}", (await pipeline.Reader.GetRequiredCommitAsync("features_v1", Day4, ct)).CommitId, cancellationToken: ct)).Value;
        row["Status"] = "staged";
        row.Remove("PublishedAt");
        await lake.Lineage.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);

        var report = await new RepairReportReader(lake).ReadAsync(
            new RepairReportRequest(Repair, Written, Day2, Day4, startedAt, new ReportRange(Day1, Day5)), ct);

        Assert.Equal(
            [(Datasets.Raw, Day2, DeltaBasis.Previous), (Datasets.Staging, Day2, DeltaBasis.Previous), ("features_v1", Day2, DeltaBasis.Previous), ("features_v1", Day4, DeltaBasis.New)],
            report.Published.Select(p => (p.Dataset, p.Partition, p.Basis)));
        foreach (var published in report.Published.Take(3))
        {
            Assert.Equal(superseded[published.Dataset], published.PreviousCommitId);
            Assert.Equal(published.CommitId, published.LiveCommitId);
            Assert.True(published.Changes!.Changed > 0, published.ToString());
        }

        var raw = report.Published[0];
        Assert.True(raw.RowsAfter > raw.RowsBefore, raw.ToString());
        var features = report.Published[2];
        Assert.Equal(FeatureVersions.V1.Features.Select(f => f.Name), features.MeanShifts!.Select(s => s.Feature));
        Assert.Contains(features.MeanShifts!, s => s.Shift is not (null or 0.0));
        Assert.Null(raw.MeanShifts);
        var created = report.Published[3];
        Assert.Equal((null, null, created.RowsAfter), (created.PreviousCommitId, created.RowsBefore, (long)created.Changes!.Added));
        Assert.All(created.MeanShifts!, s => Assert.Null(s.MeanBefore));

        Assert.Equal(
            [
                (Datasets.Raw, Day1, UntouchedVerdict.Unchanged), (Datasets.Raw, Day3, UntouchedVerdict.ChangedSinceStart),
                (Datasets.Raw, Day4, UntouchedVerdict.Unchanged), (Datasets.Raw, Day5, UntouchedVerdict.Missing),
                (Datasets.Staging, Day1, UntouchedVerdict.Unchanged), (Datasets.Staging, Day3, UntouchedVerdict.Unchanged),
                (Datasets.Staging, Day4, UntouchedVerdict.Unchanged), (Datasets.Staging, Day5, UntouchedVerdict.Missing),
                ("features_v1", Day1, UntouchedVerdict.Unchanged), ("features_v1", Day3, UntouchedVerdict.Unchanged), ("features_v1", Day5, UntouchedVerdict.Missing),
            ],
            report.Untouched.Select(u => (u.Dataset, u.Partition, u.Verdict)));
        var changedByOther = report.Untouched[1].Evidence!;
        Assert.Equal(("daily-2025-01-05", (await pipeline.Reader.GetRequiredCommitAsync(Datasets.Raw, Day3, ct)).CommitId), (changedByOther.RunId, changedByOther.CommitId));
        var container = TestLake.Container(azurite, lake);
        foreach (var unchanged in report.Untouched.Where(u => u.Verdict == UntouchedVerdict.Unchanged))
        {
            var properties = (await container.GetBlobClient($"{unchanged.Dataset}/{unchanged.Partition.PathSegment}/_manifest.json").GetPropertiesAsync(cancellationToken: ct)).Value;
            Assert.Equal((properties.ETag.ToString(), properties.LastModified), (unchanged.Evidence!.ETag, unchanged.Evidence.LastModified));
        }

        // Features of day 3 read the replaced staging of day 2; staging of day 3 is stale too, but from the other run's raw.
        var stale = Assert.Single(report.Stale);
        Assert.Equal(("features_v1", Day3), (stale.Dataset, stale.Partition));
        Assert.Equal([(Datasets.Staging, Day2, superseded[Datasets.Staging])], stale.ChangedInputs.Select(i => (i.Dataset, i.Partition, i.CommitId)));
    }

    [Fact]
    public async Task ReadAsync_DaysSplitIntoBuckets_ReportTheSameDeltasAsWholeDays()
    {
        var whole = await RepairOfOneDayAsync(1);
        var bucketed = await RepairOfOneDayAsync(8);

        Assert.Equal(Written, whole.Select(p => p.Dataset));
        Assert.All(whole, p => Assert.True(p.Changes!.Changed > 0, p.ToString()));
        Assert.Equal(
            whole.Select(p => (p.Dataset, p.Basis, p.RowsBefore, p.RowsAfter, p.Changes)),
            bucketed.Select(p => (p.Dataset, p.Basis, p.RowsBefore, p.RowsAfter, p.Changes)));

        // Summed in another row order: equal up to rounding.
        static IEnumerable<(string, double?, double?)> Means(PublishedPartition p) =>
            p.MeanShifts!.Select(s => (s.Feature, Round(s.MeanBefore), Round(s.MeanAfter)));
        Assert.Equal(Means(whole[2]), Means(bucketed[2]));
        Assert.Contains(whole[2].MeanShifts!, s => s.Shift is not (null or 0.0));
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 9) : null;

    // Raw, staging and features of one day built with the bucket count, then rebuilt by the repair after late events.
    private async Task<IReadOnlyList<PublishedPartition>> RepairOfOneDayAsync(int buckets)
    {
        var ct = TestContext.Current.CancellationToken;
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new Pipeline(lake);
        await pipeline.SeedAsync(Day1, 2);
        await pipeline.BuildEventsAsync(Day1, 2, rawBuckets: buckets, stagingBuckets: buckets);
        await pipeline.FeaturesAsync(FeatureVersions.V1, Day2, buckets: buckets);
        var startedAt = DateTimeOffset.UtcNow;
        // Another seed's ids repeat the first one's under other entities: the buckets keep each id once, as the whole day does.
        var late = new EventGenerator(new EventGeneratorOptions { EventsPerDay = 100, EntityCount = 40, Seed = 77 }).Generate(Day2.Date);
        await new LandingWriter(lake).WriteAsync($"late-{Day2}", late, ct);

        IBucketContentBuilder[] builders =
        [
            new RawPartitionBuilder(pipeline.Landing, pipeline.Reader, Day2, Pipeline.At(Day1.AddDays(14))),
            new StagingPartitionBuilder(pipeline.Reader, pipeline.Exchange, Day2),
            new FeaturePartitionBuilder(pipeline.Reader, FeatureVersions.V1, Day2),
        ];
        foreach (var (dataset, builder) in Written.Zip(builders))
        {
            var result = await pipeline.CommitAsync(new CommitRequest(dataset, Day2, WriteMode.Overwrite, TestLake.Run(Repair)), builder, buckets);
            Assert.Equal((CommitStatus.Published, buckets), (result.Status, result.Commit.BucketCount.Value));
        }

        var report = await new RepairReportReader(lake).ReadAsync(new RepairReportRequest(Repair, Written, Day2, Day2, startedAt, new ReportRange(Day2, Day2)), ct);
        return report.Published;
    }

    private static Task<CommitResult> CommitAsync(Pipeline pipeline, string dataset, Day day, string runId, IPartitionContentBuilder builder) =>
        pipeline.Committer.CommitAsync(
            new CommitRequest(dataset, day, WriteMode.Overwrite, TestLake.Run(runId)),
            builder,
            PassingValidator.Instance,
            TestContext.Current.CancellationToken);
}
