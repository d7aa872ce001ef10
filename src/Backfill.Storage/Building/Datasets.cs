namespace Backfill.Storage.Building;

/// <summary>The names of the event datasets; features datasets are named by their feature version.</summary>
public static class Datasets
{
    /// <summary>Landed events by event date, as of a processing time.</summary>
    public const string Raw = "raw";

    /// <summary>De-duplicated, normalized events with their per-entity daily rollup.</summary>
    public const string Staging = "staging";
}
