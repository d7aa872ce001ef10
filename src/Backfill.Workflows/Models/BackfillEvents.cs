namespace Backfill.Workflows.Models;

/// <summary>Names of the external events a running backfill listens for.</summary>
public static class BackfillEvents
{
    /// <summary>Stop starting items; finish the in-flight ones; end Canceled.</summary>
    public const string Cancel = "cancel";

    /// <summary>Payload: the new max parallel (within <see cref="Backfill.Core.Scheduling.MaxParallelBounds"/>), applied at the next refill.</summary>
    public const string SetMaxParallel = "set-max-parallel";

    /// <summary>Payload: the code version the user accepts, which a paused backfill continues pinned to; empty keeps the pin (an operator's resume).</summary>
    public const string Resume = "resume";

    /// <summary>An operator's pause: in-flight items finish, nothing new starts until <see cref="Resume"/>.</summary>
    public const string Pause = "pause";

    /// <summary>A daily run took or gave back partitions this backfill claimed: claim again now.</summary>
    public const string ClaimsChanged = "claims-changed";
}
