using System.Globalization;
using Backfill.Core.Partitions;

namespace Backfill.Storage.Layout;

/// <summary>The blob names of the data plane, in one place.</summary>
internal static class LakePaths
{
    public const string ManifestName = "_manifest.json";
    public const string CommitRecordName = "_commit.json";
    private const string CommitSegment = "commit=";

    public static string Partition(string dataset, Day partition) => $"{dataset}/{partition.PathSegment}/";

    public static string Manifest(string dataset, Day partition) => Partition(dataset, partition) + ManifestName;

    public static string Commit(string dataset, Day partition, string commitId) =>
        Partition(dataset, partition) + CommitSegment + commitId + "/";

    public static string CommitFile(string dataset, Day partition, string commitId, string file) =>
        Commit(dataset, partition, commitId) + file;

    /// <summary>The commit id of a blob inside a commit folder of the partition, or null for other blobs.</summary>
    public static string? CommitIdOf(string dataset, Day partition, string blobName)
    {
        var prefix = Partition(dataset, partition) + CommitSegment;
        if (!blobName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = blobName.IndexOf('/', prefix.Length);
        return end < 0 ? null : blobName[prefix.Length..end];
    }

    /// <summary>The mirror blob of a pointer, read by every reader outside Durable.</summary>
    public static string Pointer(string name) => $"_pointers/{name}.json";

    /// <summary>The mirror blob of the version registry of a pointer, read by every reader outside Durable.</summary>
    public static string Versions(string pointerName) => $"_versions/{pointerName}.json";

    public static string Quarantine(Day partition, string commitId) =>
        $"quarantine/{partition.PathSegment}/{CommitSegment}{commitId}.jsonl";

    public static string LandingDate(DateOnly arrivalDate) =>
        string.Create(CultureInfo.InvariantCulture, $"landing/arrival_date={arrivalDate:yyyy-MM-dd}/");

    public static string LandingFile(DateTime arrivalHour, string batch) =>
        LandingDate(DateOnly.FromDateTime(arrivalHour))
        + string.Create(CultureInfo.InvariantCulture, $"arrival_hour={arrivalHour:HH}/{batch}.jsonl");

    /// <summary>Where the raw map step keeps each map group's lines split by bucket, beside landing (which is never modified).</summary>
    public const string LandingMapRoot = "landing-map/";

    /// <summary>
    /// The folder of one map group's lines split into <paramref name="buckets"/> buckets. The group is named by its
    /// files and their content versions (<paramref name="groupKey"/>), so a rerun of a day over unchanged files finds
    /// its map, a changed file maps again, and a layout change maps again instead of mixing.
    /// </summary>
    public static string LandingMap(string groupKey, int buckets) =>
        string.Create(CultureInfo.InvariantCulture, $"{LandingMapRoot}{groupKey}/buckets={buckets:D3}/");

    /// <summary>Where staging days split into buckets exchange raw's event id copies by id range.</summary>
    public const string IdExchangeRoot = "id-exchange/";

    /// <summary>
    /// The folder of one raw commit's copies gathered into <paramref name="buckets"/> id ranges: a function of that
    /// commit and the staging layout only, so every staging build over the same raw commit and layout finds it.
    /// </summary>
    public static string IdExchange(string rawCommitId, int buckets) =>
        string.Create(CultureInfo.InvariantCulture, $"{IdExchangeRoot}{rawCommitId}/buckets={buckets:D3}/");

    /// <summary>The start of the landing hour of a landing file, read from its folders.</summary>
    public static DateTime LandingHour(string blobName)
    {
        const string DateKey = "arrival_date=";
        const string HourKey = "arrival_hour=";
        var date = blobName.IndexOf(DateKey, StringComparison.Ordinal) + DateKey.Length;
        var hour = blobName.IndexOf(HourKey, StringComparison.Ordinal) + HourKey.Length;
        var day = Day.Parse(blobName.Substring(date, 10)).Date;
        var hours = int.Parse(blobName.AsSpan(hour, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        return day.ToDateTime(new TimeOnly(hours, 0), DateTimeKind.Utc);
    }
}
