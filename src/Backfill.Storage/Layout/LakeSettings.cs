using System.ComponentModel.DataAnnotations;

namespace Backfill.Storage.Layout;

/// <summary>Where the data plane keeps its blobs and lineage, and how long old commits stay.</summary>
public sealed record LakeSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Lake";

    /// <summary>Gets the blob container holding landing, quarantine and every dataset.</summary>
    [Required]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string ContainerName { get; init; } = "lake";

    /// <summary>Gets the Azure Table with one lineage row per commit.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string LineageTableName { get; init; } = "lineage";

    /// <summary>Gets how many previous commits a manifest remembers for rollback; older ones become garbage.</summary>
    [Range(1, 100)]
    public int KeepPreviousCommits { get; init; } = 5;

    /// <summary>
    /// Gets how old an unreferenced commit folder must be before garbage collection deletes it. Longer than any
    /// stage → publish gap, so an in-flight commit is never collected; a week leaves time to inspect a rejected or
    /// rolled-back commit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan GarbageRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Gets how often a merge re-reads the base and retries after losing the manifest race.</summary>
    [Range(1, 100)]
    public int MaxMergeAttempts { get; init; } = 5;
}
