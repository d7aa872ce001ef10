namespace Backfill.Storage.Commits;

/// <summary>Where a commit is in stage → validate → publish.</summary>
public enum CommitStatus
{
    /// <summary>Its files are uploaded; no manifest names it yet.</summary>
    Staged,

    /// <summary>The manifest names it: it is the live partition (or was, before a later commit).</summary>
    Published,

    /// <summary>Validation failed, so it was never published.</summary>
    Rejected,

    /// <summary>Another commit was published first; this one was not published.</summary>
    Conflict,

    /// <summary>
    /// Nothing published: the staged content equals the live commit's, which the same code and config
    /// version produced. Reruns leave the manifest (and everything downstream of it) untouched.
    /// </summary>
    Unchanged,

    /// <summary>Was live, until a partition rollback made an earlier commit live again.</summary>
    RolledBack,
}
