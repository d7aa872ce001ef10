namespace Backfill.Core.Validation;

/// <summary>Every validation result of one staged commit, and whether it may be published.</summary>
/// <param name="Results">The results of the checks that ran, in the order they ran.</param>
public sealed record PartitionValidationReport(IReadOnlyList<ValidationResult> Results)
{
    /// <summary>Gets the worst status of any result; pass when no check ran.</summary>
    public ValidationStatus Status =>
        Results.Count == 0 ? ValidationStatus.Pass : Results.Max(result => result.Status);

    /// <summary>Gets whether the commit may be published: no result failed. Warnings are reported, not blocking.</summary>
    public bool IsPublishable => Status != ValidationStatus.Fail;

    /// <summary>Gets the failed results: the reasons a partition stays unpublished.</summary>
    public IReadOnlyList<ValidationResult> Failures =>
        [.. Results.Where(result => result.Status == ValidationStatus.Fail)];
}
