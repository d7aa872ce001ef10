using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Buckets;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Lineage;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Validation;
using Backfill.Core.Versioning;
using Backfill.Storage.Alerts;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Daily;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Storage.Lineage;
using Backfill.Storage.Reading;
using Backfill.Testing;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Backfill.Workflows.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Tests.Pipeline;

/// <summary>A work item whose commit fails validation: not published, the previous commit stays live, alerted.</summary>
public sealed class PipelineWorkItemRunnerTests(AzuriteFixture azurite)
{
    private static readonly Day Day = Day.Parse("2025-01-10");

    private readonly RecordingLogger<PipelineWorkItemRunner> _runnerLog = new();

    [Fact]
    public async Task RunAsync_OwnCommitLiveButLineageStaged_SucceedsRedeliveredAndRepairsTheRow()
    {
        // The state a host killed between the manifest write and the lineage write leaves: this backfill's commit
        // is live, its lineage row still says staged.
        var (lake, _) = await LakeWithLiveRawAsync();
        var (runner, _, backfillId) = Runner(lake, null, new ValidationSettings());
        var request = RawRequest(backfillId);
        var run = new RunContext(backfillId, RunTrigger.Backfill, backfillId, CodeVersion.Current, PipelineConfig.ConfigHashOf(Layer.Raw, FeatureVersions.V1));
        var builder = new RawPartitionBuilder(new LandingReader(lake, ArrivalWindow.Default), new PartitionReader(lake), Day, request.ProcessingTime.UtcDateTime);
        var killed = new InvalidOperationException("host killed");
        await Assert.ThrowsAsync<InvalidOperationException>(() => new PartitionCommitter(lake, _ => throw killed).CommitAsync(
            new CommitRequest(Datasets.Raw, Day, WriteMode.Overwrite, run), builder, PassingValidator.Instance, TestContext.Current.CancellationToken));
        var live = (await new PartitionReader(lake).GetLiveCommitAsync(Datasets.Raw, Day, TestContext.Current.CancellationToken))!;
        var lineage = new LineageStore(lake);
        Assert.Equal(CommitStatus.Staged, (await lineage.GetAsync(Datasets.Raw, Day, live.CommitId, TestContext.Current.CancellationToken))!.Status);

        var redelivered = await runner.RunAsync(request, TestContext.Current.CancellationToken);
        var another = await runner.RunAsync(RawRequest("bf-another"), TestContext.Current.CancellationToken);

        Assert.Equal((false, true, live.CommitId), (redelivered.Skipped, redelivered.Redelivered, redelivered.CommitId));
        Assert.Equal((true, false), (another.Skipped, another.Redelivered));
        var row = (await lineage.GetAsync(Datasets.Raw, Day, live.CommitId, TestContext.Current.CancellationToken))!;
        var manifest = (await new PartitionReader(lake).GetManifestAsync(Datasets.Raw, Day, TestContext.Current.CancellationToken))!;

        // The repaired row dates the publish by the manifest, as an undisturbed publish would: pinned baselines
        // select commits by it, so a crash must not change which commit a later verdict compares with.
        Assert.Equal((CommitStatus.Published, manifest.PublishedAt), (row.Status, row.PublishedAt));
        var repaired = Assert.Single(_runnerLog.Events, e => e.Id.Id == 403);
        Assert.Equal((live.CommitId, CommitStatus.Staged), (repaired.Fields["CommitId"], repaired.Fields["Was"]));
    }

    [Fact]
    public async Task RunAsync_FailedValidation_KeepsPreviousCommitLiveAlertsAndPostsWebhook()
    {
        using var webhook = new WebhookListener();
        var (lake, live) = await LakeWithLiveRawAsync();
        var (runner, log, backfillId) = Runner(lake, webhook.Url);

        var failed = await Assert.ThrowsAsync<WorkItemFailedException>(() => runner.RunAsync(RawRequest(backfillId), TestContext.Current.CancellationToken));

        Assert.StartsWith("validation failed: row_count_bounds", failed.Message, StringComparison.Ordinal);
        Assert.Contains(failed.Validation!, r => r.Name == ValidationCheckNames.RowCountBounds && r.Status == ValidationStatus.Fail);
        Assert.Contains(failed.Validation!, r => r.Name == ValidationCheckNames.Schema && r.Status == ValidationStatus.Pass);
        Assert.Equal(live, (await new PartitionReader(lake).GetLiveCommitAsync(Datasets.Raw, Day, TestContext.Current.CancellationToken))!.CommitId);

        var alert = await Alerting.SingleOfRunAsync(azurite, backfillId);
        Assert.Equal((AlertSeverity.Error, "validation_failed", "raw", "2025-01-10"), (alert.Severity, alert.Kind, alert.Dataset, alert.Partition));
        Assert.Equal("row_count_bounds", alert.Details!.Value.GetProperty("failures")[0].GetProperty("name").GetString());
        Assert.Contains(log.Events, e => e.Level == LogLevel.Error && Equals(e.Fields["Dataset"], "raw") && Equals(e.Fields["Partition"], "2025-01-10"));
        var body = await webhook.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(backfillId, body.GetProperty("runId").GetString());
    }

    [Fact]
    public async Task RunAsync_DeadWebhook_StillFailsOnlyOnValidationAndAlerts()
    {
        var (lake, live) = await LakeWithLiveRawAsync();
        var (runner, _, backfillId) = Runner(lake, WebhookListener.DeadUrl);

        var failed = await Assert.ThrowsAsync<WorkItemFailedException>(() => runner.RunAsync(RawRequest(backfillId), TestContext.Current.CancellationToken));

        Assert.NotNull(failed.Validation);
        Assert.Equal(live, (await new PartitionReader(lake).GetLiveCommitAsync(Datasets.Raw, Day, TestContext.Current.CancellationToken))!.CommitId);
        Assert.Equal("validation_failed", (await Alerting.SingleOfRunAsync(azurite, backfillId)).Kind);
    }

    [Fact]
    public async Task RunAsync_BucketSteps_PinMapEveryGroupStageEveryBucketThenPublishTheDayOnce()
    {
        var (lake, before) = await LakeWithLiveRawAsync();
        // Small groups, so the day's landing files take several map steps.
        var layout = new LayoutSettings { Buckets = new Dictionary<string, int> { [Datasets.Raw] = 4 }, MapGroupBytes = 4_096 };
        var (runner, _, backfillId) = Runner(lake, null, new ValidationSettings(), layout);
        const string CommitId = "0190f0f0f0f07000800000000000beef";
        var day = RawRequest(backfillId) with { Buckets = 4 };
        var reader = new PartitionReader(lake);

        var pinned = await runner.RunAsync(day with { Step = new BucketStep(BucketStepKind.Pin, CommitId) }, TestContext.Current.CancellationToken);
        Assert.True(pinned.MapGroups > 1, $"expected several map groups, got {pinned.MapGroups}");
        var mapped = 0L;
        for (var group = 0; group < pinned.MapGroups; group++)
        {
            mapped += (await runner.RunAsync(day with { Step = new BucketStep(BucketStepKind.Map, CommitId, group) }, TestContext.Current.CancellationToken)).Rows;
        }

        // Every line of the window was split once; a day mapped again (another delivery) reads no landing file twice.
        Assert.Equal((await new LandingReader(lake, ArrivalWindow.Default).ReadAsync(Day, day.ProcessingTime.UtcDateTime, TestContext.Current.CancellationToken)).Count, mapped);
        Assert.Equal(0, (await runner.RunAsync(day with { Step = new BucketStep(BucketStepKind.Map, CommitId, 0) }, TestContext.Current.CancellationToken)).Rows);
        var staged = 0L;
        for (var bucket = 0; bucket < 4; bucket++)
        {
            staged += (await runner.RunAsync(day with { Step = new BucketStep(BucketStepKind.Stage, CommitId, bucket) }, TestContext.Current.CancellationToken)).Rows;
            Assert.Equal(before, (await reader.GetLiveCommitAsync(Datasets.Raw, Day, TestContext.Current.CancellationToken))!.CommitId);
        }

        var published = await runner.RunAsync(day with { Step = new BucketStep(BucketStepKind.Publish, CommitId) }, TestContext.Current.CancellationToken);

        var live = (await reader.GetLiveCommitAsync(Datasets.Raw, Day, TestContext.Current.CancellationToken))!;
        Assert.Equal((CommitId, 4, staged), (live.CommitId, live.Buckets, live.RowCount));
        Assert.Equal((false, CommitId, staged), (published.Skipped, published.CommitId, published.Rows));
        Assert.Equal(PipelineConfig.ConfigHashOf(Layer.Raw, FeatureVersions.V1, BucketCount.Of(4)), live.Lineage.ConfigHash);
    }

    [Fact]
    public async Task RunAsync_StagingBucketSteps_ExchangeEventIdsBeforeAnyBucketStages()
    {
        var (lake, rawCommit) = await LakeWithLiveRawAsync();
        var (runner, _, backfillId) = Runner(lake, null, new ValidationSettings(), new LayoutSettings { Buckets = new Dictionary<string, int> { [Datasets.Staging] = 4 } });
        const string CommitId = "0190f0f0f0f07000800000000000cafe";
        var day = RawRequest(backfillId) with { Item = new WorkItem(Layer.Staging, Day), Buckets = 4 };
        async Task<WorkItemRunResult> StepAsync(BucketStepKind kind, int index = 0) =>
            await runner.RunAsync(day with { Step = new BucketStep(kind, CommitId, index) }, TestContext.Current.CancellationToken);

        var pinned = await StepAsync(BucketStepKind.Pin);
        Assert.Equal((0, 4), (pinned.MapGroups, pinned.IdRanges));

        // Before the exchange no bucket may stage: the day starts again (repin), it does not fail.
        await Assert.ThrowsAsync<DayMovedException>(() => StepAsync(BucketStepKind.Stage, 0));
        var sent = 0L;
        for (var bucket = 0; bucket < 4; bucket++)
        {
            sent += (await StepAsync(BucketStepKind.Ids, bucket)).Rows;
        }

        for (var range = 0; range < 4; range++)
        {
            await StepAsync(BucketStepKind.Resolve, range);
        }

        for (var bucket = 0; bucket < 4; bucket++)
        {
            await StepAsync(BucketStepKind.Stage, bucket);
        }

        var published = await StepAsync(BucketStepKind.Publish);

        // Each ids step sent its bucket's raw copies, so together they sent raw once; staging holds each event id once.
        var reader = new PartitionReader(lake);
        var raw = await reader.GetCommitAsync(Datasets.Raw, Day, rawCommit, TestContext.Current.CancellationToken);
        Assert.Equal(raw.RowCount, sent);
        var staged = await reader.ReadEventsAsync((await reader.GetLiveCommitAsync(Datasets.Staging, Day, TestContext.Current.CancellationToken))!, TestContext.Current.CancellationToken);
        Assert.Equal((CommitId, (long)staged.Count), (published.CommitId, published.Rows));
        Assert.Equal((await reader.ReadEventsAsync(raw, TestContext.Current.CancellationToken)).Select(row => row.Event.EventId).Distinct().Count(), staged.Count);
    }

    [Fact]
    public async Task RunAsync_LayoutChangedSinceTheRunPinnedIt_FailsNamingTheSetting()
    {
        var (lake, before) = await LakeWithLiveRawAsync();
        var layout = new LayoutSettings { Buckets = new Dictionary<string, int> { [Datasets.Raw] = 8 } };
        var (runner, _, backfillId) = Runner(lake, null, new ValidationSettings(), layout);

        var failed = await Assert.ThrowsAsync<WorkItemFailedException>(() => runner.RunAsync(RawRequest(backfillId), TestContext.Current.CancellationToken));

        Assert.Equal("layout changed mid-run: raw was pinned at 1 bucket(s), Layout:Buckets:raw is now 8", failed.Message);
        Assert.Equal(before, (await new PartitionReader(lake).GetLiveCommitAsync(Datasets.Raw, Day, TestContext.Current.CancellationToken))!.CommitId);
    }

    /// <summary>A lake whose raw(Day) was published from an early processing time, when only some events had landed.</summary>
    private async Task<(LakeStorage Lake, string LiveCommitId)> LakeWithLiveRawAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        var lake = new LakeStorage(
            new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString),
            new LakeSettings { ContainerName = "lake-" + id, LineageTableName = "lineage" + id }, TimeProvider.System);
        await lake.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var generator = new EventGenerator(new EventGeneratorOptions { EventsPerDay = 300, EntityCount = 40 });
        await new LandingWriter(lake).WriteAsync("gen", generator.Generate(Day.Date), TestContext.Current.CancellationToken);
        var (early, _, _) = Runner(lake, null, new ValidationSettings());
        var published = await early.RunAsync(RawRequest("bf-early", processingHoursAfterDay: 2), TestContext.Current.CancellationToken);
        Assert.False(published.Skipped);
        return (lake, published.CommitId!);
    }

    /// <summary>The runner with a raw minimum no partition of this size meets, so a rebuild fails validation.</summary>
    private (PipelineWorkItemRunner Runner, RecordingLogger<Backfill.Workflows.Alerts.AlertRaiser> Log, string BackfillId) Runner(
        LakeStorage lake, string? webhookUrl, ValidationSettings? settings = null, LayoutSettings? layout = null)
    {
        settings ??= new ValidationSettings
        {
            Datasets = new Dictionary<string, DatasetValidationSettings> { [Datasets.Raw] = new() { MinRows = 1_000_000 } },
        };
        var ready = new LakeReady(lake);
        var (raiser, log) = Alerting.Raiser(azurite, webhookUrl, timeoutSeconds: 1);
        var lateData = new LateDataRecording(new LateDataRecorder(ready), new LateDataStore(new TableServiceClient(azurite.ConnectionString)));
        var runner = new PipelineWorkItemRunner(
            ready, new PartitionGate(ready, Options.Create(settings)), raiser, lateData, Options.Create(new FaultHookSettings()), Options.Create(layout ?? new LayoutSettings()), _runnerLog);
        return (runner, log, "bf-" + Guid.NewGuid().ToString("N"));
    }

    private static WorkItemRequest RawRequest(string backfillId, int processingHoursAfterDay = 24 * 7) => new(
        backfillId, new WorkItem(Layer.Raw, Day), FeatureVersions.V1.Name, WriteMode.Overwrite, 1, CodeVersion.Current.Value,
        FeatureVersions.V1.ConfigHash, new DateTimeOffset(Day.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(24 + processingHoursAfterDay));
}
