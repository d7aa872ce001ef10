using System.Globalization;

namespace Backfill.Storage.Layout;

/// <summary>
/// The names of a bucketed commit's files inside its commit folder: <c>bucket=007/features.parquet</c>. A whole-day
/// commit's files have no bucket folder; both kinds name a file's role (<c>features.parquet</c>) by its last segment.
/// </summary>
internal static class BucketPaths
{
    private const string Segment = "bucket=";

    /// <summary>The folder of one bucket inside the commit folder.</summary>
    public static string Folder(int bucket) => string.Create(CultureInfo.InvariantCulture, $"{Segment}{bucket:D3}/");

    /// <summary>The name of a bucket's file inside the commit folder.</summary>
    public static string File(int bucket, string role) => Folder(bucket) + role;

    /// <summary>The role of a file: its name without a bucket folder.</summary>
    public static string RoleOf(string name) => name[(name.LastIndexOf('/') + 1)..];

    /// <summary>The bucket a file lies in; null for a whole-day commit's file.</summary>
    public static int? BucketOf(string name) =>
        name.StartsWith(Segment, StringComparison.Ordinal) && name.IndexOf('/', StringComparison.Ordinal) is var end and > 0
            ? int.Parse(name.AsSpan(Segment.Length, end - Segment.Length), NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
}
