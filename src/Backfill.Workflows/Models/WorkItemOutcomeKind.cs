namespace Backfill.Workflows.Models;

/// <summary>How one attempt at a work item ended.</summary>
public enum WorkItemOutcomeKind
{
    /// <summary>Published (by this delivery, or by an earlier delivery of the same item that stopped before reporting).</summary>
    Succeeded,

    /// <summary>Nothing to do: the live commit already came from this code and config version, built by another run.</summary>
    Skipped,

    /// <summary>A deterministic failure (e.g. validation): retrying would fail the same way.</summary>
    Failed,

    /// <summary>A failure worth retrying (storage hiccup, crash).</summary>
    Transient,

    /// <summary>The running code is not the pinned code version; nothing was written.</summary>
    CodeVersionMismatch,

    /// <summary>
    /// A bucketed day's pins no longer hold (another writer published the day first, or they are too old to publish):
    /// retrying the publish cannot help, so the day starts again from fresh pins.
    /// </summary>
    Repin,
}
