using System.ComponentModel.DataAnnotations;
using Backfill.Core.Scheduling;

namespace Backfill.LocalHost.Engine;

/// <summary>
/// Settings of the local durable engine (section <c>DurableEngine</c>; the task hub name is
/// <see cref="Backfill.Workflows.Hosting.TaskHubSettings"/>, shared with the Functions host). Defaults favour quick
/// recovery on one machine; the Functions host uses host.json instead.
/// </summary>
internal sealed class DurableEngineSettings
{
    public const string Section = "DurableEngine";

    /// <summary>Control-queue partitions; more lets more hosts share orchestrations.</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// How long a dequeued message stays hidden. After a crash, work held by the dead host
    /// reappears after this long (the engine's default of 5 min is too slow for local use).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest idle wait between queue polls; lower reacts faster, costs more storage calls.</summary>
    /// <remarks>
    /// An idle queue's polling backs off up to this; a backfill refill waits for the next poll after
    /// an item finishes, so this bounds the refill delay (and so slot efficiency) under light load.
    /// </remarks>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Partition lease length (blob leases: 15-60 s); a crashed host's partitions move after this.</summary>
    [Range(typeof(TimeSpan), "00:00:15", "00:01:00")]
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Activities this host runs at once (a host-level ceiling under every backfill's own cap).</summary>
    [Range(1, ConcurrencyBounds.Max)]
    public int MaxConcurrentActivities { get; set; } = 16;

    /// <summary>Orchestration work items this host runs at once.</summary>
    [Range(1, ConcurrencyBounds.Max)]
    public int MaxConcurrentOrchestrations { get; set; } = 32;
}
