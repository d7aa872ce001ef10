namespace Backfill.Core.Events;

/// <summary>Why a landed line was quarantined instead of becoming an event.</summary>
public enum QuarantineReason
{
    /// <summary>The line is not a JSON object.</summary>
    MalformedJson,

    /// <summary>A required field is absent.</summary>
    MissingField,

    /// <summary>A field has the wrong JSON type, e.g. a string amount.</summary>
    WrongType,

    /// <summary>A field has the right type but a value outside its domain, e.g. an unknown event type.</summary>
    InvalidValue,
}
