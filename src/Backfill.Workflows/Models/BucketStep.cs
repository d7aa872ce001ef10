using System.Globalization;

namespace Backfill.Workflows.Models;

/// <summary>
/// One step of a day split into entity buckets: pin the day, map a group of raw's landing files, send a staging
/// bucket's event ids to their ranges, resolve an id range, stage one bucket, or publish the day.
/// </summary>
/// <param name="Kind">Which step.</param>
/// <param name="CommitId">The commit every step of the day writes into, chosen by the orchestration.</param>
/// <param name="Bucket">
/// The bucket a stage or ids step builds, the map group a map step maps, or the id range a resolve step judges; 0 for
/// the others.
/// </param>
public sealed record BucketStep(BucketStepKind Kind, string CommitId, int Bucket = 0)
{
    /// <summary>How the names of map steps start.</summary>
    public const string MapPrefix = "map=";

    /// <summary>How the names of ids steps start.</summary>
    public const string IdsPrefix = "ids=";

    /// <summary>How the names of resolve steps start.</summary>
    public const string ResolvePrefix = "resolve=";

    /// <summary>The step's name where its attempts are recorded: <c>pin</c>, <c>map=NNN</c>, <c>ids=NNN</c>, <c>resolve=NNN</c>, <c>bucket=NNN</c> or <c>publish</c>.</summary>
    public string Name => NameOf(Kind, Bucket);

    /// <summary>
    /// A step's name: <c>pin</c>, <c>publish</c>, <c>map=NNN</c> for a map group, <c>ids=NNN</c> and <c>resolve=NNN</c> for
    /// a staging day's event id exchange, or <c>bucket=NNN</c> for a stage (padded so a day's steps sort in order, as the
    /// bucket folders do).
    /// </summary>
    public static string NameOf(BucketStepKind kind, int bucket = 0) => kind switch
    {
        BucketStepKind.Map => string.Create(CultureInfo.InvariantCulture, $"{MapPrefix}{bucket:D3}"),
        BucketStepKind.Ids => string.Create(CultureInfo.InvariantCulture, $"{IdsPrefix}{bucket:D3}"),
        BucketStepKind.Resolve => string.Create(CultureInfo.InvariantCulture, $"{ResolvePrefix}{bucket:D3}"),
        BucketStepKind.Stage => string.Create(CultureInfo.InvariantCulture, $"bucket={bucket:D3}"),
        _ => kind.ToString().ToLowerInvariant(),
    };
}
