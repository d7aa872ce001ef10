namespace Backfill.Core.Planning;

/// <summary>What a backfill would do with one work item.</summary>
public enum PlannedAction
{
    /// <summary>Build, validate and publish.</summary>
    Run,

    /// <summary>Nothing to do: the live commit came from the same code and config version.</summary>
    Skip,

    /// <summary>Cannot run: an input is missing and not part of the request, or depends on such an item.</summary>
    Blocked,
}
