using System.Diagnostics;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Backfill.Testing;
using Backfill.Workflows.Api;

namespace Backfill.EndToEnd.Tests;

public sealed class LocalHostEndToEndTests(AzuriteFixture azurite)
{
    private Dictionary<string, string> Settings(string taskHub) => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["TaskHubName"] = taskHub,
    };

    private static string NewTaskHub() => "e" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task LocalHost_NoStorageSetting_StartsOwnAzuriteAndReportsHealthy()
    {
        var data = Directory.CreateTempSubdirectory("localhost-azurite-").FullName;
        var clock = Stopwatch.StartNew();
        await using var host = await LocalHostProcess.StartAsync(new Dictionary<string, string> { ["Azurite:Location"] = data });
        var healthyAfter = clock.Elapsed;

        var health = await host.ReadJsonAsync<HealthReport>("api/health");
        var id = await EngineCheckApi.StartAsync(host, items: 1, maxParallel: 1, workMilliseconds: 0);
        var done = await EngineCheckApi.WaitAsync(() => host, id, HostPoll.DefaultTimeout);
        TestContext.Current.SendDiagnosticMessage($"host healthy after {healthyAfter.TotalSeconds:F1} s; first check completed after {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal("healthy", health.Status);
        Assert.True(health.Engine.Running);
        Assert.Equal("durable-task-azure-storage", health.Engine.Kind);
        Assert.All(health.Storage, s => Assert.True(s.Healthy, s.Detail));
        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Contains("started Azurite", host.Output, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(data));
    }

    [Fact]
    public async Task EngineCheck_BadRequest_ReturnsProblemNamingEachField()
    {
        await using var host = await LocalHostProcess.StartAsync(Settings(NewTaskHub()));

        using var response = await host.Http.PostAsync(
            "api/engine-check", new StringContent("""{"items":0,"maxParallel":65}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var unknown = await host.Http.GetAsync("api/engine-check/does-not-exist", TestContext.Current.CancellationToken);
        using var malformed = await host.Http.GetAsync("api/backfills/a%23b", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"items\"", body, StringComparison.Ordinal);
        Assert.Contains("\"maxParallel\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task KillNine_MidRun_RestartedHostCompletesEveryItemOnce()
    {
        var settings = Settings(NewTaskHub());
        var first = await LocalHostProcess.StartAsync(settings);
        var current = first;
        var id = await EngineCheckApi.StartAsync(first, items: 15, maxParallel: 3, workMilliseconds: 2000);
        // Killed once the first host finished an item (its result is in the run's history), so work spans the crash;
        // the other items take seconds more.
        await HostPoll.UntilAsync(
            () => first, $"an item of engine check {id} finished in the first host", () => FinishedItemsAsync(settings["TaskHubName"], id), n => n > 0);

        var firstProcessId = first.ProcessId;
        first.KillHard();
        await first.DisposeAsync();
        await using var second = await LocalHostProcess.StartAsync(settings);
        current = second;
        // Usually done within a minute (the dead host's leases and hidden messages free up after 15 s). But the engine
        // hides a message it abandons (for instance one that arrives before its orchestration's history shows the
        // task) for 2^dequeues seconds, so a loaded CI machine once needed more than 3 min. Past the deadline the
        // failure prints the host's output.
        var done = await EngineCheckApi.WaitAsync(() => current, id, TimeSpan.FromMinutes(8));

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(0, 15), done.Result!.Items.Select(i => i.Index));
        Assert.Equal(15, done.Result.TallyCompleted);
        Assert.InRange(done.Result.MaxObservedParallel, 1, 3);
        // Work really spanned the crash: some items ran in the killed process, the rest in its successor.
        Assert.Equal(
            new[] { firstProcessId, second.ProcessId }.Order(),
            done.Result.Items.Select(i => i.ProcessId).Distinct().Order());
    }

    // The engine's own record (Durable Task's Azure Storage history table): one TaskCompleted row per finished activity.
    private async Task<int> FinishedItemsAsync(string taskHub, string instanceId)
    {
        var history = new TableServiceClient(azurite.ConnectionString).GetTableClient(taskHub + "History");
        var finished = 0;
        try
        {
            await foreach (var _ in history.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and EventType eq {"TaskCompleted"}"), select: ["RowKey"],
                cancellationToken: TestContext.Current.CancellationToken))
            {
                finished++;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The hub's history table is made when the first run starts.
        }

        return finished;
    }

    [Fact]
    public async Task TwoHosts_OneTaskHub_EveryCheckCompletesEachItemOnce()
    {
        var settings = Settings(NewTaskHub());
        await using var a = await LocalHostProcess.StartAsync(settings);
        await using var b = await LocalHostProcess.StartAsync(settings);

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await EngineCheckApi.StartAsync(i % 2 == 0 ? a : b, items: 8, maxParallel: 4, workMilliseconds: 300));
        }

        foreach (var id in ids)
        {
            // Seconds alone. But two hosts joining one hub hand partitions over while the checks run, and a message
            // that reaches a partition's old owner is abandoned with a growing delay: CI once needed more than 2 min.
            var done = await EngineCheckApi.WaitAsync(() => a, id, TimeSpan.FromMinutes(6));
            Assert.Equal("Completed", done.RuntimeStatus);
            Assert.Equal(Enumerable.Range(0, 8), done.Result!.Items.Select(i => i.Index));
            Assert.Equal(8, done.Result.TallyCompleted);
            Assert.InRange(done.Result.MaxObservedParallel, 1, 4);
        }
    }
}
