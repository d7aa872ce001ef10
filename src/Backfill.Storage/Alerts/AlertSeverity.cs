namespace Backfill.Storage.Alerts;

/// <summary>How urgent an alert is; stored and returned in lower case.</summary>
public enum AlertSeverity
{
    /// <summary>Something failed and needs a person, e.g. a partition failed validation and was not published.</summary>
    Error,

    /// <summary>Something looks wrong but nothing was stopped.</summary>
    Warning,

    /// <summary>A record of a notable change, e.g. a flip.</summary>
    Info,
}
