namespace Backfill.Core.Partitions;

/// <summary>A partition set expression could not be parsed; the message names the bad part and why.</summary>
public sealed class PartitionSetFormatException : FormatException
{
    internal PartitionSetFormatException(string message, string expression, string term)
        : base(message)
    {
        Expression = expression;
        Term = term;
    }

    /// <summary>Gets the whole expression as given.</summary>
    public string Expression { get; }

    /// <summary>
    /// Gets the rejected term as typed (without surrounding whitespace), or the whole expression when the
    /// expression as a whole is rejected: it is empty, leaves no days, or names too many.
    /// </summary>
    public string Term { get; }
}
