namespace Backfill.Workflows.Models;

/// <summary>Names of the external events a running backfill listens for.</summary>
public static class BackfillEvents
{
    /// <summary>Stop starting items; finish the in-flight ones; end Canceled.</summary>
    public const string Cancel = "cancel";

    /// <summary>Payload: the new max parallel (1..64), applied at the next refill.</summary>
    public const string SetMaxParallel = "set-max-parallel";

    /// <summary>Payload: the code version the user accepts; a paused backfill continues pinned to it.</summary>
    public const string Resume = "resume";
}
