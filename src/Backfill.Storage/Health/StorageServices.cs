namespace Backfill.Storage.Health;

/// <summary>The names of the storage services in health reports and in 503 answers.</summary>
public static class StorageServices
{
    /// <summary>Blob storage: the lake's files and manifests.</summary>
    public const string Blob = "blob";

    /// <summary>Table storage: lineage, alerts, per-item backfill details.</summary>
    public const string Table = "table";

    /// <summary>Queue storage: the task hub's queues.</summary>
    public const string Queue = "queue";

    /// <summary>The Durable Task hub's own storage (its queues, tables and blobs), as its client reaches it.</summary>
    public const string TaskHub = "durable task hub";
}
