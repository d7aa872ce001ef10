using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.Extensions.Options;
using SamplePipeline = Backfill.Storage.Tests.Support.Pipeline;

namespace Backfill.Workflows.Tests.Activities;

/// <summary>
/// The canary on a real lake, reading its days a bucket at a time: on days split into 8 buckets it reaches the same
/// verdicts and the same PSI figures as on the same days built whole.
/// </summary>
public sealed class CanaryActivityTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2025-03-01");

    [Fact]
    public async Task RunAsync_DaysSplitIntoBuckets_JudgesLikeTheSameDaysBuiltWhole()
    {
        var whole = await CanaryAsync(1);
        var bucketed = await CanaryAsync(8);

        Assert.Equal(
            [(First, ValidationStatus.Pass), (First.AddDays(1), ValidationStatus.Pass), (First.AddDays(2), ValidationStatus.Fail)],
            whole.Days.Select(d => (d.Day, d.Status == ValidationStatus.Fail ? ValidationStatus.Fail : ValidationStatus.Pass)));
        var shared = FeatureVersions.V2.Features.Count(f => FeatureVersions.V1.Features.Any(v1 => v1.Name == f.Name));
        Assert.All(whole.Days.Take(2), day => Assert.Equal(2 + shared, day.Results.Count));
        Assert.Contains(whole.Days[0].Results, r => r.Name == ValidationCheckNames.Drift && r.Observed > 0);
        Assert.Equal(Figures(whole), Figures(bucketed));
    }

    // Everything but the messages, which also quote quantiles: those of a merged candidate approximate the whole day's.
    private static List<(Day, ValidationStatus, string, string?, ValidationStatus, double?)> Figures(CanaryReport report) =>
        [.. report.Days.SelectMany(day => day.Results.Select(r => (day.Day, day.Status, r.Name, r.Column, r.Status, r.Observed)))];

    // Two days of features_v1 (current) and features_v2 (target) built with the bucket count; the third day has no target.
    private async Task<CanaryReport> CanaryAsync(int buckets)
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new SamplePipeline(lake);
        await pipeline.SeedAsync(First, 2);
        await pipeline.BuildEventsAsync(First, 2, rawBuckets: buckets, stagingBuckets: buckets);
        foreach (var day in new[] { First, First.AddDays(1) })
        {
            await pipeline.FeaturesAsync(FeatureVersions.V1, day, buckets: buckets);
            Assert.Equal(buckets, (await pipeline.FeaturesAsync(FeatureVersions.V2, day, buckets: buckets)).Commit.BucketCount.Value);
        }

        var canary = new CanaryActivity(new LakeReady(lake), Options.Create(new ValidationSettings()));
        return await canary.RunAsync(null!, new CanaryRequest(FeatureVersions.V1.Name, FeatureVersions.V2.Name, [First, First.AddDays(1), First.AddDays(2)]));
    }
}
