using Backfill.Testing;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Entities;

namespace Backfill.LocalHost.Tests.Engine;

public sealed class LocalDurableTaskClientTests(AzuriteFixture azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EngineCheck_TenItemsCapThree_CompletesEveryItemOnceWithinCap()
    {
        await using var host = await EngineHost.StartAsync(azurite.ConnectionString, TaskHubNames.New());

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EngineCheckOrchestrator), new EngineCheckRequest(10, 3, 400), Cancel);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Cancel);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var result = done.ReadOutputAs<EngineCheckResult>()!;
        Assert.Equal(Enumerable.Range(0, 10), result.Items.Select(i => i.Index));
        Assert.InRange(result.MaxObservedParallel, 2, 3);
        Assert.Equal(10, result.TallyCompleted);
    }

    [Fact]
    public async Task Entities_SignalsCompareAndSetAndRepeatedMark_ApplyInOrderRejectStaleVersionCountOnce()
    {
        await using var host = await EngineHost.StartAsync(azurite.ConnectionString, TaskHubNames.New());
        var tally = new EntityInstanceId(nameof(TallyEntity), "client");

        await host.Client.Entities.SignalEntityAsync(tally, nameof(TallyEntity.Add), 5, cancellation: Cancel);
        await host.Client.Entities.SignalEntityAsync(tally, nameof(TallyEntity.CompareAndSet), new TallyCompareAndSet(1, 42), cancellation: Cancel);
        await host.Client.Entities.SignalEntityAsync(tally, nameof(TallyEntity.CompareAndSet), new TallyCompareAndSet(1, 7), cancellation: Cancel);
        await host.Client.Entities.SignalEntityAsync(tally, nameof(TallyEntity.Add), 1, cancellation: Cancel);
        await host.Client.Entities.SignalEntityAsync(tally, nameof(TallyEntity.Mark), 7, cancellation: Cancel);
        await host.Client.Entities.SignalEntityAsync(tally, nameof(TallyEntity.Mark), 7, cancellation: Cancel);

        var state = await PollEntityAsync(host.Client, tally, t => t.Version == 4);
        Assert.Equal((44, 4L), (state.Count, state.Version));
        Assert.Equal([7], state.Marked);
    }

    [Fact]
    public async Task GetInstance_UnknownId_ReturnsNull()
    {
        await using var host = await EngineHost.StartAsync(azurite.ConnectionString, TaskHubNames.New());

        Assert.Null(await host.Client.GetInstanceAsync("no-such-instance", Cancel));
    }

    [Fact]
    public async Task Schedule_SameIdWhileRunning_IsRefused()
    {
        await using var host = await EngineHost.StartAsync(azurite.ConnectionString, TaskHubNames.New());
        var options = new StartOrchestrationOptions("check-once");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EngineCheckOrchestrator), new EngineCheckRequest(4, 1, 1000), options, Cancel);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EngineCheckOrchestrator), new EngineCheckRequest(4, 1, 1000), options, Cancel));
    }

    [Fact]
    public async Task Terminate_Running_EndsTerminatedAndQueryAndPurgeSeeIt()
    {
        await using var host = await EngineHost.StartAsync(azurite.ConnectionString, TaskHubNames.New());
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(EngineCheckOrchestrator), new EngineCheckRequest(50, 1, 2000), new StartOrchestrationOptions("long-check"), Cancel);
        await host.Client.WaitForInstanceStartAsync(id, cancellation: Cancel);

        await host.Client.TerminateInstanceAsync(id, "stopped by test", Cancel);
        var ended = await host.Client.WaitForInstanceCompletionAsync(id, cancellation: Cancel);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, ended.RuntimeStatus);
        var listed = new List<OrchestrationMetadata>();
        await foreach (var instance in host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "long-" }))
        {
            listed.Add(instance);
        }

        Assert.Equal(["long-check"], listed.Select(i => i.InstanceId));
        Assert.Equal(1, (await host.Client.PurgeInstanceAsync(id, cancellation: Cancel)).PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync(id, Cancel));
    }

    private static async Task<Tally> PollEntityAsync(DurableTaskClient client, EntityInstanceId id, Func<Tally, bool> until) =>
        (await Eventually.UntilAsync(
            $"entity {id} in the state asked for",
            async cancellationToken => (await client.Entities.GetEntityAsync<Tally>(id, cancellation: cancellationToken))?.State,
            tally => tally is not null && until(tally)))!;
}
