using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Validation;
using Backfill.Core.Versioning;
using Backfill.Storage.Alerts;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
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
    private static readonly PartitionKey Day = PartitionKey.Parse("2025-01-10");

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

    /// <summary>A lake whose raw(Day) was published from an early processing time, when only some events had landed.</summary>
    private async Task<(LakeStorage Lake, string LiveCommitId)> LakeWithLiveRawAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        var lake = new LakeStorage(
            new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString),
            new LakeOptions { ContainerName = "lake-" + id, LineageTableName = "lineage" + id }, TimeProvider.System);
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
        LakeStorage lake, string? webhookUrl, ValidationSettings? settings = null)
    {
        settings ??= new ValidationSettings
        {
            Datasets = new Dictionary<string, DatasetValidationSettings> { [Datasets.Raw] = new() { MinRows = 1_000_000 } },
        };
        var ready = new LakeReady(lake);
        var (raiser, log) = Alerting.Raiser(azurite, webhookUrl, timeoutSeconds: 1);
        return (new PipelineWorkItemRunner(ready, new PartitionGate(ready, Options.Create(settings)), raiser), log, "bf-" + Guid.NewGuid().ToString("N"));
    }

    private static WorkItemRequest RawRequest(string backfillId, int processingHoursAfterDay = 24 * 7) => new(
        backfillId, new WorkItem(Layer.Raw, Day), FeatureVersions.V1.Name, WriteMode.Overwrite, 1, CodeVersion.Current.Value,
        FeatureVersions.V1.ConfigHash, new DateTimeOffset(Day.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(24 + processingHoursAfterDay));
}
