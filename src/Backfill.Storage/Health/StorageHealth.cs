namespace Backfill.Storage.Health;

/// <summary>Reachability of the storage services the app uses.</summary>
/// <param name="Service">blob, table or queue.</param>
/// <param name="Healthy">Whether the service answered.</param>
/// <param name="Detail">The error when it did not answer; null when healthy.</param>
public sealed record StorageHealth(string Service, bool Healthy, string? Detail);
