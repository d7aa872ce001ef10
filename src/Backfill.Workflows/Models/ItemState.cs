namespace Backfill.Workflows.Models;

/// <summary>Where one work item of a backfill stands. The char is its code in <see cref="BackfillState.Items"/>.</summary>
public enum ItemState
{
    /// <summary>Not started (yet).</summary>
    Pending = '.',

    /// <summary>In flight.</summary>
    Running = 'R',

    /// <summary>Built, validated and published.</summary>
    Succeeded = 'S',

    /// <summary>Not rebuilt: already committed by this code and config version.</summary>
    Skipped = 'K',

    /// <summary>Failed after its retries, or failed validation.</summary>
    Failed = 'F',

    /// <summary>Not run because an item it depends on failed or is blocked.</summary>
    Blocked = 'B',

    /// <summary>Not started: another run (a daily run, or an overlapping backfill with <c>onConflict: wait</c>) holds its partition.</summary>
    Waiting = 'W',
}
