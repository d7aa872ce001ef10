namespace Backfill.Core.Lineage;

/// <summary>What started the run that produced a commit.</summary>
public enum RunTrigger
{
    /// <summary>The daily run's own day (the watermark).</summary>
    Daily,

    /// <summary>The daily run's rolling reprocess of the days before the watermark.</summary>
    Rolling,

    /// <summary>The daily run's catchup of missed days.</summary>
    Catchup,

    /// <summary>A user-started backfill.</summary>
    Backfill,

    /// <summary>The daily run's targeted merge repair of a day whose late events landed after its last reprocess.</summary>
    Repair,
}
