namespace Backfill.Workflows.Api;

/// <summary>A storage service that did not answer: its name (blob, table, queue, durable task hub) and what happened.</summary>
/// <param name="Service">The service, as <see cref="Backfill.Storage.Health.StorageServices"/> names it.</param>
/// <param name="Detail">The failure's own message.</param>
public sealed record StorageOutage(string Service, string Detail);
