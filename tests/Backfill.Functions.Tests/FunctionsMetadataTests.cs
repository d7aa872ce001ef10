using System.Text.Json;
using Backfill.LocalHost.Engine;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;

namespace Backfill.Functions.Tests;

/// <summary>
/// The Functions host cannot run here, so the published functions.metadata (what the host reads to
/// index triggers) is the contract we check.
/// </summary>
public sealed class FunctionsMetadataTests(PublishedAppFixture app) : IClassFixture<PublishedAppFixture>
{
    [Fact]
    public void Metadata_DailyTimer_IsTimerOnDailyScheduleSetting()
    {
        var trigger = app.Trigger("DailyTimer");

        Assert.Equal("timerTrigger", trigger.Type);
        Assert.Equal("%DailySchedule%", trigger.Schedule);
        Assert.True(trigger.UseMonitor);
    }

    [Theory]
    [InlineData("Health", "health", "GET", "Anonymous")]
    [InlineData("EngineCheckStart", "engine-check", "POST", "Function")]
    [InlineData("EngineCheckStatus", "engine-check/{instanceId}", "GET", "Function")]
    [InlineData("BackfillStart", "backfills", "POST", "Function")]
    [InlineData("BackfillList", "backfills", "GET", "Function")]
    [InlineData("BackfillGet", "backfills/{id}", "GET", "Function")]
    [InlineData("BackfillPatch", "backfills/{id}", "PATCH", "Function")]
    [InlineData("BackfillCancel", "backfills/{id}/cancel", "POST", "Function")]
    [InlineData("BackfillRetryFailed", "backfills/{id}/retry-failed", "POST", "Function")]
    [InlineData("BackfillResume", "backfills/{id}/resume", "POST", "Function")]
    [InlineData("BackfillPause", "backfills/{id}/pause", "POST", "Function")]
    [InlineData("BackfillTerminate", "backfills/{id}/terminate", "POST", "Function")]
    [InlineData("ClaimList", "claims", "GET", "Function")]
    [InlineData("ClaimDelete", "claims/{runId}", "DELETE", "Admin")]
    [InlineData("SeedData", "seed-data", "POST", "Function")]
    [InlineData("PartitionsGet", "partitions/{dataset}", "GET", "Function")]
    [InlineData("PartitionRollback", "partitions/{dataset}/{date}/rollback", "POST", "Function")]
    [InlineData("PartitionHistory", "partitions/{dataset}/{date}/history", "GET", "Function")]
    [InlineData("Dashboard", "dashboard", "GET", "Function")]
    [InlineData("PointerGet", "pointers/{name}", "GET", "Function")]
    [InlineData("PointerFlip", "pointers/{name}/flip", "POST", "Function")]
    [InlineData("PointerRollback", "pointers/{name}/rollback", "POST", "Function")]
    [InlineData("PointerOperation", "pointers/{name}/operations/{instanceId}", "GET", "Function")]
    [InlineData("DatasetRead", "read/{dataset}/{date}", "GET", "Function")]
    [InlineData("DatasetFiles", "files/{dataset}", "GET", "Function")]
    [InlineData("DailyRun", "daily/run", "POST", "Function")]
    [InlineData("DailyGet", "daily/{id}", "GET", "Function")]
    [InlineData("DailyWatermark", "daily/watermark", "GET", "Function")]
    [InlineData("LateData", "late-data", "GET", "Function")]
    [InlineData("Alerts", "alerts", "GET", "Function")]
    public void Metadata_HttpFunction_HasRouteMethodAndAuthLevel(string name, string route, string method, string authLevel)
    {
        var trigger = app.Trigger(name);

        Assert.Equal("httpTrigger", trigger.Type);
        Assert.Equal(route, trigger.Route);
        Assert.Equal([method], trigger.Methods);
        Assert.Equal(authLevel, trigger.AuthLevel);
    }

    [Fact]
    public void Publish_HostJson_MatchesTheLocalEngineDefaults()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Folder, "host.json")));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");

        // Same hub setting and same per-host ceilings as the local host, so a cap means the same in both.
        Assert.Equal("%TaskHubName%", durable.GetProperty("hubName").GetString());
        var local = new DurableEngineSettings();
        Assert.Equal(local.MaxConcurrentActivities, durable.GetProperty("maxConcurrentActivityFunctions").GetInt32());
        // The activity budget fits one instance's ceiling, so granted activities never wait in the queue.
        Assert.True(new BackfillSettings().ActivityBudget <= durable.GetProperty("maxConcurrentActivityFunctions").GetInt32());
        Assert.Equal(local.MaxConcurrentOrchestrations, durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32());
        Assert.Equal(local.PartitionCount, durable.GetProperty("storageProvider").GetProperty("partitionCount").GetInt32());
        Assert.True(File.Exists(Path.Combine(app.Folder, "worker.config.json")), "worker.config.json is published");
    }

    [Fact]
    public void Publish_HostJson_ExportsThroughOpenTelemetry()
    {
        // The worker's OpenTelemetry (FunctionsTelemetry) only sees the host's invocation spans in this mode.
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Folder, "host.json")));

        Assert.Equal("OpenTelemetry", host.RootElement.GetProperty("telemetryMode").GetString());

        // The Durable extension's W3C tracing: an activity's invocation span is in its orchestration's trace, and so
        // are the work-item spans started under it.
        var tracing = host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("tracing");
        Assert.True(tracing.GetProperty("distributedTracingEnabled").GetBoolean());
        Assert.Equal("V2", tracing.GetProperty("version").GetString());
    }

    [Fact]
    public void SampleSettings_DailySchedule_IsTwoAmUtc()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("local.settings.sample.json")));

        Assert.Equal("0 0 2 * * *", settings.RootElement.GetProperty("Values").GetProperty("DailySchedule").GetString());
    }
}
