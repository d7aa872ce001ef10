namespace Backfill.Core.Pointers;

/// <summary>A feature version's place in its lifecycle.</summary>
public enum VersionState
{
    /// <summary>Being filled (a backfill targets it), not yet read; the daily run builds it.</summary>
    Candidate,

    /// <summary>What the pointer names; the daily run builds it.</summary>
    Live,

    /// <summary>The previous live version, still built for the retain window so a rollback lands on a current version.</summary>
    Retiring,

    /// <summary>No longer built; its data stays where it is.</summary>
    Retired,
}
