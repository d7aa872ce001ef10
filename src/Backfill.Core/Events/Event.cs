using System.Diagnostics.CodeAnalysis;

namespace Backfill.Core.Events;

/// <summary>One user action as it lands.</summary>
/// <param name="EventId">Unique per action; a duplicate delivery repeats it.</param>
/// <param name="EntityId">The user the action belongs to.</param>
/// <param name="EventTime">When the action happened, UTC.</param>
/// <param name="EventType">What the user did.</param>
/// <param name="Amount">Money involved; null for actions without money. Staging makes it non-null.</param>
/// <param name="SessionId">The session, when the producer knew it.</param>
[SuppressMessage("Naming", "CA1716", Justification = "The glossary names the concept 'event'; the type is used from C# only.")]
public sealed record Event(
    string EventId, string EntityId, DateTime EventTime, EventType EventType, decimal? Amount, string? SessionId)
{
    /// <summary>Gets the event date: the UTC calendar day of <see cref="EventTime"/>.</summary>
    public DateOnly EventDate => DateOnly.FromDateTime(EventTime);
}
