namespace Backfill.Workflows.Activities;

/// <summary>A deterministic work item failure, such as failed validation: retrying cannot help.</summary>
public sealed class WorkItemFailedException : Exception
{
    /// <summary>Creates the exception with the reason shown to users.</summary>
    public WorkItemFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and its cause.</summary>
    public WorkItemFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public WorkItemFailedException()
        : base("The work item failed.")
    {
    }
}
