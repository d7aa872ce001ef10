using Backfill.Core.Partitions;

namespace Backfill.Storage.Reading;

/// <summary>A partition a build must read has no live commit.</summary>
public sealed class MissingPartitionException : Exception
{
    /// <summary>Creates the exception for a dataset's partition.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="partition">The partition's day.</param>
    public MissingPartitionException(string dataset, Day partition)
        : base($"{dataset}/{partition.PathSegment} has no live commit.")
    {
        Dataset = dataset;
        Partition = partition;
    }

    /// <summary>Creates the exception without naming the partition.</summary>
    public MissingPartitionException()
        : this("A partition a build must read has no live commit.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public MissingPartitionException(string message)
        : base(message)
    {
        Dataset = "unknown";
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MissingPartitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Dataset = "unknown";
    }

    /// <summary>Gets the dataset.</summary>
    public string Dataset { get; }

    /// <summary>Gets the partition's day.</summary>
    public Day Partition { get; }
}
