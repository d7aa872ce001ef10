namespace Backfill.Cli.Api;

/// <summary>Nothing answered at the API address.</summary>
internal sealed class ApiUnreachableException(Uri api, Exception inner)
    : Exception($"Cannot reach the Backfill API at {api}: {inner.Message}. Is the host running? (set --api or BACKFILL_API)", inner);
