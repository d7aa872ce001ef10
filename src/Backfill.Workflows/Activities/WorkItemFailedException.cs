using Backfill.Core.Validation;

namespace Backfill.Workflows.Activities;

/// <summary>A deterministic work item failure, such as failed validation: retrying cannot help.</summary>
public sealed class WorkItemFailedException : Exception
{
    /// <summary>Creates the exception with the reason shown to users.</summary>
    public WorkItemFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a commit that failed validation.</summary>
    /// <param name="message">The reason shown to users.</param>
    /// <param name="validation">Every validation result of the rejected commit.</param>
    public WorkItemFailedException(string message, IReadOnlyList<ValidationResult> validation)
        : base(message)
    {
        Validation = validation;
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

    /// <summary>Gets the validation results when the item failed validation; otherwise null.</summary>
    public IReadOnlyList<ValidationResult>? Validation { get; }
}
