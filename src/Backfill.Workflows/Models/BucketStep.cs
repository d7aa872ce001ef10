using System.Globalization;

namespace Backfill.Workflows.Models;

/// <summary>One step of a day split into entity buckets: pin the day, map a group of raw's landing files, stage one bucket, or publish the day.</summary>
/// <param name="Kind">Which step.</param>
/// <param name="CommitId">The commit every step of the day writes into, chosen by the orchestration.</param>
/// <param name="Bucket">The bucket a stage step builds, or the map group a map step maps; 0 for the others.</param>
public sealed record BucketStep(BucketStepKind Kind, string CommitId, int Bucket = 0)
{
    /// <summary>How the names of map steps start.</summary>
    public const string MapPrefix = "map=";

    /// <summary>The step's name where its attempts are recorded: <c>pin</c>, <c>map=NNN</c>, <c>bucket=NNN</c> or <c>publish</c>.</summary>
    public string Name => NameOf(Kind, Bucket);

    /// <summary>
    /// A step's name: <c>pin</c>, <c>publish</c>, <c>map=NNN</c> for a map group, or <c>bucket=NNN</c> for a stage (padded
    /// so a day's steps sort in order, as the bucket folders do).
    /// </summary>
    public static string NameOf(BucketStepKind kind, int bucket = 0) => kind switch
    {
        BucketStepKind.Map => string.Create(CultureInfo.InvariantCulture, $"{MapPrefix}{bucket:D3}"),
        BucketStepKind.Stage => string.Create(CultureInfo.InvariantCulture, $"bucket={bucket:D3}"),
        _ => kind.ToString().ToLowerInvariant(),
    };
}
