using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class PartitionValidationReportTests
{
    private static readonly ValidationResult Passed = Result(ValidationStatus.Pass);
    private static readonly ValidationResult Warned = Result(ValidationStatus.Warn);
    private static readonly ValidationResult Failed = Result(ValidationStatus.Fail);

    [Fact]
    public void Status_NoResults_IsPassAndPublishable()
    {
        var report = new PartitionValidationReport([]);

        Assert.Equal(ValidationStatus.Pass, report.Status);
        Assert.True(report.IsPublishable);
        Assert.Empty(report.Failures);
    }

    [Fact]
    public void Status_PassAndWarn_IsWarnAndStillPublishable()
    {
        var report = new PartitionValidationReport([Passed, Warned, Passed]);

        Assert.Equal(ValidationStatus.Warn, report.Status);
        Assert.True(report.IsPublishable);
        Assert.Empty(report.Failures);
    }

    [Fact]
    public void Status_AnyFail_IsFailUnpublishableAndListsTheFailures()
    {
        var report = new PartitionValidationReport([Failed, Warned, Passed]);

        Assert.Equal(ValidationStatus.Fail, report.Status);
        Assert.False(report.IsPublishable);
        Assert.Equal([Failed], report.Failures);
    }

    private static ValidationResult Result(ValidationStatus status) =>
        new("check", null, status, 1, 0, status.ToString());
}
