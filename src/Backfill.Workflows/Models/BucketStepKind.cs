namespace Backfill.Workflows.Models;

/// <summary>The steps of a day split into entity buckets, in order.</summary>
public enum BucketStepKind
{
    /// <summary>Fix the day's base manifest and upstream commits for every bucket.</summary>
    Pin,

    /// <summary>Split one group of a raw day's pinned landing files into buckets, so no bucket step reads the whole day.</summary>
    Map,

    /// <summary>Send one staging bucket's raw copies to their event id ranges, for the day's id exchange.</summary>
    Ids,

    /// <summary>Find, in one event id range, the copies whose id first arrived in another bucket.</summary>
    Resolve,

    /// <summary>Build and stage one bucket's files, and read them back.</summary>
    Stage,

    /// <summary>Judge the merged buckets and publish the day with one manifest write.</summary>
    Publish,
}
