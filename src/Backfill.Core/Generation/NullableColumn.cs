namespace Backfill.Core.Generation;

/// <summary>The event columns that may be null without making a line malformed.</summary>
public enum NullableColumn
{
    /// <summary><c>amount</c>.</summary>
    Amount,

    /// <summary><c>session_id</c>.</summary>
    SessionId,
}
