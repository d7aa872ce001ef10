namespace Backfill.Core.Validation;

/// <summary>The stable names of the validation checks, as stored in manifests, lineage and alerts.</summary>
public static class ValidationCheckNames
{
    /// <summary>Row count within the absolute minimum and maximum.</summary>
    public const string RowCountBounds = "row_count_bounds";

    /// <summary>Row count relative to the median of the trailing committed partitions.</summary>
    public const string RowCountTrend = "row_count_trend";

    /// <summary>A column's null rate against its trailing baseline, and no null in a non-nullable column.</summary>
    public const string NullRate = "null_rate";

    /// <summary>The dataset's key is unique within the partition.</summary>
    public const string KeyUniqueness = "key_uniqueness";

    /// <summary>A numeric feature's distribution against its reference, by PSI.</summary>
    public const string Drift = "drift";

    /// <summary>The schema read back through the feature reader matches the feature definition.</summary>
    public const string Schema = "schema";

    /// <summary>The rows read back through the feature reader equal the rows written.</summary>
    public const string RowsRead = "rows_read";

    /// <summary>No more features entities than distinct entities in the window's staging.</summary>
    public const string FeaturesEntities = "features_entities";

    /// <summary>No more staging rows than raw rows.</summary>
    public const string StagingRows = "staging_rows";

    /// <summary>Raw rows plus quarantined events equal the lines landed for the day.</summary>
    public const string LandedLines = "landed_lines";
}
