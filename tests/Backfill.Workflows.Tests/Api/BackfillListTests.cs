using System.Text.Json;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;

namespace Backfill.Workflows.Tests.Api;

public sealed class BackfillListTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAsync_FinishedBackfill_InputReadOnceRunningReadEveryTime()
    {
        var client = new InstanceStore();
        client.Put("bf-done", OrchestrationRuntimeStatus.Completed, Now);
        client.Put("bf-running", OrchestrationRuntimeStatus.Running, Now);
        var list = new BackfillList();

        var first = await ListAsync(list, client);
        var second = await ListAsync(list, client);

        Assert.Equal(["bf-done", "bf-running"], first);
        Assert.Equal(first, second);
        Assert.Equal(["bf-done", "bf-running", "bf-running"], client.FullReads);
    }

    [Fact]
    public async Task ListAsync_FinishedIdReusedAfterPurge_ReadsTheNewInstance()
    {
        var client = new InstanceStore();
        client.Put("bf-a", OrchestrationRuntimeStatus.Completed, Now);
        var list = new BackfillList();
        await ListAsync(list, client);

        client.Put("bf-a", OrchestrationRuntimeStatus.Failed, Now.AddMinutes(5));
        var statuses = new List<BackfillStatus>();
        await foreach (var snapshot in list.ListAsync(client, TestContext.Current.CancellationToken))
        {
            statuses.Add(snapshot.Status);
        }

        Assert.Equal([BackfillStatus.Failed], statuses);
        Assert.Equal(["bf-a", "bf-a"], client.FullReads);
    }

    [Fact]
    public async Task ListAsync_KeptBackfillPurged_IsForgotten()
    {
        var client = new InstanceStore();
        client.Put("bf-a", OrchestrationRuntimeStatus.Completed, Now);
        client.Put("bf-b", OrchestrationRuntimeStatus.Terminated, Now);
        var list = new BackfillList();
        await ListAsync(list, client);

        client.Purge("bf-a");

        Assert.Equal(["bf-b"], await ListAsync(list, client));
        Assert.Equal(1, list.KeptCount);
    }

    [Fact]
    public async Task ListAsync_OtherOrchestrationWithThePrefix_IsNotABackfill()
    {
        var client = new InstanceStore();
        client.Put("bf-other", OrchestrationRuntimeStatus.Completed, Now, name: "SomethingElse");

        Assert.Empty(await ListAsync(new BackfillList(), client));
        Assert.Empty(client.FullReads);
    }

    private static async Task<List<string>> ListAsync(BackfillList list, DurableTaskClient client)
    {
        var ids = new List<string>();
        await foreach (var snapshot in list.ListAsync(client, TestContext.Current.CancellationToken))
        {
            ids.Add(snapshot.Metadata.InstanceId);
        }

        return ids;
    }

    /// <summary>Instances in memory; counts the reads that fetch inputs, which are what the list saves.</summary>
    private sealed class InstanceStore() : DurableTaskClient("test")
    {
        private static readonly DataConverter Converter = JsonDataConverter.Default;
        private readonly SortedDictionary<string, (string Name, OrchestrationRuntimeStatus Status, DateTimeOffset UpdatedAt)> _instances = new(StringComparer.Ordinal);

        public List<string> FullReads { get; } = [];

        public void Put(string id, OrchestrationRuntimeStatus status, DateTimeOffset updatedAt, string name = nameof(BackfillOrchestrator)) =>
            _instances[id] = (name, status, updatedAt);

        public void Purge(string id) => _instances.Remove(id);

        public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
            Pageable.Create((string? _, int? _, CancellationToken _) => Task.FromResult(new Page<OrchestrationMetadata>(
                [.. _instances.Keys.Where(id => id.StartsWith(filter?.InstanceIdPrefix ?? string.Empty, StringComparison.Ordinal))
                    .Select(id => Metadata(id, filter?.FetchInputsAndOutputs ?? false))],
                null)));

        public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        {
            if (getInputsAndOutputs)
            {
                FullReads.Add(instanceId);
            }

            return Task.FromResult(_instances.ContainsKey(instanceId) ? Metadata(instanceId, getInputsAndOutputs) : null);
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        private OrchestrationMetadata Metadata(string id, bool withInputs)
        {
            var (name, status, updatedAt) = _instances[id];
            var body = JsonSerializer.Deserialize<BackfillBody>("""{"partitions":"2025-01-01","target":"features_v1"}""", ApiJson.Options)!;
            var spec = BackfillRequestValidator.Validate(body, new BackfillSettings(), Now).Spec!;
            var state = new BackfillState(spec, string.Empty, spec.MaxParallel, false, Now, 0, 0, 0, null);
            return new OrchestrationMetadata(name, id)
            {
                DataConverter = withInputs ? Converter : null,
                RuntimeStatus = status,
                CreatedAt = Now,
                LastUpdatedAt = updatedAt,
                SerializedInput = withInputs ? Converter.Serialize(state) : null,
            };
        }
    }
}
