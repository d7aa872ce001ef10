using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class ReportOnlyTests
{
    [Fact]
    public void Apply_Fail_BecomesWarnSayingWhy()
    {
        var fail = new ValidationResult(ValidationCheckNames.Drift, "events_7d", ValidationStatus.Fail, 0.9, 0.25, "PSI 0.9.");
        var pass = new ValidationResult(ValidationCheckNames.Drift, "events_1d", ValidationStatus.Pass, 0.01, 0.1, "PSI 0.01.");

        var results = ReportOnly.Apply([fail, pass], "input window incomplete (3 of 7 staging days)");

        Assert.Equal([ValidationStatus.Warn, ValidationStatus.Pass], results.Select(r => r.Status));
        Assert.Equal("PSI 0.9. Reported, not failed: input window incomplete (3 of 7 staging days).", results[0].Message);
        Assert.Equal((0.9, 0.25), (results[0].Observed, results[0].Threshold));
        Assert.Same(pass, results[1]);
    }
}
