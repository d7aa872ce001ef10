namespace Backfill.Storage.Commits;

/// <summary>How a commit combines with the partition it replaces.</summary>
public enum WriteMode
{
    /// <summary>The commit replaces the partition.</summary>
    Overwrite,

    /// <summary>Upsert into the live partition: matched rows updated, new rows inserted, other rows kept.</summary>
    Merge,
}
