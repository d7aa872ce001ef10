using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Versioning;
using Backfill.Storage.Commits;
using Backfill.Testing;
using Backfill.Workflows.Models;
using Backfill.LocalHost.Tests.Engine;
using Microsoft.DurableTask.Client;

namespace Backfill.LocalHost.Tests.Orchestrators;

/// <summary>Backfill inputs and waits shared by the orchestration tests.</summary>
internal static class BackfillRuns
{
    public static readonly Layer[] AllLayers = [Layer.Raw, Layer.Staging, Layer.Features];

    public static BackfillSpec Spec(string partitions, int maxParallel, int window = 3, string? codeVersion = null, bool failFast = false, string target = "features_v1") =>
        new(partitions, target, AllLayers, window, maxParallel, WriteMode.Overwrite, PartitionOrder.Ascending, Retries: 2, RetryDelaySeconds: 1,
            failFast, codeVersion ?? CodeVersion.Current.Value, "cfg", DateTimeOffset.UnixEpoch);

    public static BackfillState Start(BackfillSpec spec, int grantRefreshSeconds = 30) =>
        new(spec, string.Empty, spec.MaxParallel, false, DateTimeOffset.UnixEpoch, 0, 0, 0, null, grantRefreshSeconds);

    public static async Task<BackfillProgress> CompletedAsync(DurableTaskClient client, string id, TimeSpan? timeout = null)
    {
        // By default well below a paused backfill's 10-minute renewal timer: an orchestration whose abandoned timer kept
        // it running until it fired would miss this deadline.
        var done = await Orchestrations.EndedAsync(client, id, timeout ?? TimeSpan.FromMinutes(5));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<BackfillProgress>()!;
    }

    public static async Task<BackfillProgress> WaitForStatusAsync(DurableTaskClient client, string id, Func<BackfillProgress, bool> until, string? what = null) =>
        (await Eventually.UntilAsync(
            $"backfill {id} to show {what ?? "the status asked for"}",
            async cancellationToken =>
            {
                var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
                return metadata?.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<BackfillProgress>();
            },
            progress => progress is not null && until(progress)))!;
}
