namespace Backfill.Core.Layers;

/// <summary>A stage of the pipeline, declared in pipeline order: each layer reads the one before it.</summary>
public enum Layer
{
    /// <summary>Events from landing, partitioned by event date.</summary>
    Raw,

    /// <summary>Cleaned, de-duplicated events, built from raw.</summary>
    Staging,

    /// <summary>Per-entity features over a trailing window of staging days.</summary>
    Features,
}
