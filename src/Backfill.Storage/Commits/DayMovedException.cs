namespace Backfill.Storage.Commits;

/// <summary>
/// A bucketed day's pins no longer hold: another commit replaced the pinned manifest version, the pins are so old
/// that the garbage sweep may have begun on the commit's folder, or a landing file a raw day pinned changed or lost its
/// map. Retrying the publish cannot help; the day starts again
/// from fresh pins.
/// </summary>
public sealed class DayMovedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DayMovedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What moved.</param>
    public DayMovedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What moved.</param>
    /// <param name="innerException">The cause.</param>
    public DayMovedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
