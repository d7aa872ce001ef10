namespace Backfill.Core.Partitions;

/// <summary>The term being parsed and what its errors must report.</summary>
/// <param name="Expression">The whole expression as given.</param>
/// <param name="Term">The term as typed, without surrounding whitespace, <c>!</c> included.</param>
/// <param name="Options">The parse options in force.</param>
internal sealed record TermContext(string Expression, string Term, PartitionSetParseOptions Options)
{
    public PartitionSetFormatException Fail(string message) => new(message, Expression, Term);
}
