namespace Backfill.Core.Daily;

/// <summary>
/// How late an event landed, by its lateness (arrival time − end of its event day). The bands line up with
/// arrival dates: on time is the event day itself, then one band per following day, then the rest.
/// </summary>
public enum LatenessBand
{
    /// <summary>Landed on its event day (lateness below 0).</summary>
    OnTime,

    /// <summary>Landed 0 to 24 hours after its event day ended (lateness in [0 h, 24 h)).</summary>
    Late0To24Hours,

    /// <summary>Landed 24 to 48 hours after its event day ended (lateness in [24 h, 48 h)).</summary>
    Late24To48Hours,

    /// <summary>Landed 48 hours or more after its event day ended.</summary>
    LateOver48Hours,
}
