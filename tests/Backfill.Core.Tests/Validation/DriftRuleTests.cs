using Backfill.Core.Drift;
using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class DriftRuleTests
{
    private static readonly ValidationThresholds Defaults = new();
    private static readonly double[] Quartiles = [1, 2, 3];
    private static readonly SummaryStatistics Summary = new(100, 2, 1, 0.5, 1, 2, 3, 3.5);

    // Shares .25 each: the reference every candidate below is compared with.
    private static readonly NumericProfile Reference = Numeric([25, 25, 25, 25]);

    [Fact]
    public void CheckFeature_SameShares_PassesWithZeroPsi()
    {
        var result = DriftRule.CheckFeature("amount_7d", Reference, Numeric([50, 50, 50, 50]), Defaults);

        Assert.Equal(ValidationCheckNames.Drift, result.Name);
        Assert.Equal("amount_7d", result.Column);
        Assert.Equal(ValidationStatus.Pass, result.Status);
        Assert.Equal(0, result.Observed);
        Assert.Equal(0.1, result.Threshold);
    }

    [Fact]
    public void CheckFeature_ModerateShift_Warns()
    {
        // PSI 0.228 (hand-computed in PsiTests): at least 0.1, below 0.25.
        var result = DriftRule.CheckFeature("amount_7d", Reference, Numeric([10, 20, 30, 40]), Defaults);

        Assert.Equal(ValidationStatus.Warn, result.Status);
        Assert.Equal(0.2282174, result.Observed!.Value, precision: 7);
        Assert.Equal(0.1, result.Threshold);
    }

    [Fact]
    public void CheckFeature_LargeShift_Fails()
    {
        var result = DriftRule.CheckFeature("amount_7d", Reference, Numeric([0, 0, 0, 100]), Defaults);

        Assert.Equal(ValidationStatus.Fail, result.Status);
        Assert.Equal(0.25, result.Threshold);
    }

    [Fact]
    public void CheckFeature_LargeShiftExpectedToDrift_WarnsInsteadOfFailing()
    {
        var thresholds = Defaults with { ExpectedToDrift = new HashSet<string>(["amount_7d"]) };

        var result = DriftRule.CheckFeature("amount_7d", Reference, Numeric([0, 0, 0, 100]), thresholds);

        Assert.Equal(ValidationStatus.Warn, result.Status);
        Assert.Equal(0.25, result.Threshold);
        Assert.EndsWith("Expected to drift: reported, never failed.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckFeature_StableFeatureExpectedToDrift_Passes()
    {
        var thresholds = Defaults with { ExpectedToDrift = new HashSet<string>(["amount_7d"]) };

        Assert.Equal(ValidationStatus.Pass, DriftRule.CheckFeature("amount_7d", Reference, Reference, thresholds).Status);
    }

    [Fact]
    public void CheckFeature_Shift_MessageReportsPsiAndSummaryShifts()
    {
        var candidate = new NumericProfile(Summary with { Mean = 3.5, P95 = 5 }, Reference.Histogram);

        var result = DriftRule.CheckFeature("amount_7d", Reference, candidate, Defaults);

        Assert.Equal(
            "PSI 0 for 'amount_7d'; warn at 0.1, fail at 0.25 when significant (χ² 0 on 3 df, p 1, α 0.001). "
            + "Shift: mean +1.5, std 0, p5 0, p25 0, p50 0, p75 0, p95 +1.5.",
            result.Message);
    }

    [Theory]
    [InlineData(30, ValidationStatus.Warn)]
    [InlineData(3_000, ValidationStatus.Fail)]
    public void CheckFeature_SamePsiOverFail_FailsOnlyWhenTheSampleSizesMakeItSignificant(long values, ValidationStatus status)
    {
        // Shares .25 each against .05/.15/.35/.45: PSI 0.52 at any size; χ² 6.96 on 3 df (p 0.07) at 30 values a side.
        var reference = new NumericProfile(Summary with { Count = values }, new Histogram(Quartiles, [25, 25, 25, 25]));
        var candidate = new NumericProfile(Summary with { Count = values }, new Histogram(Quartiles, [5, 15, 35, 45]));

        var result = DriftRule.CheckFeature("amount_1d", reference, candidate, Defaults with { MinDriftValues = 0 });

        Assert.True(result.Observed > Defaults.PsiFail, $"PSI {result.Observed}");
        Assert.Equal(status, result.Status);
        Assert.Equal(status == ValidationStatus.Warn, result.Message.Contains("Within sampling noise", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, false, "the reference")]
    [InlineData(false, true, "the candidate")]
    public void CheckFeature_OneSideWithoutValues_PassesSayingWhichSide(bool referenceMissing, bool candidateMissing, string side)
    {
        var result = DriftRule.CheckFeature(
            "amount_7d", referenceMissing ? null : Reference, candidateMissing ? null : Reference, Defaults);

        Assert.Equal(ValidationStatus.Pass, result.Status);
        Assert.Null(result.Observed);
        Assert.Equal($"No drift computed for 'amount_7d': {side} has no values.", result.Message);
    }

    [Fact]
    public void CheckFeature_HistogramsWithDifferentEdges_ThrowsArgumentException()
    {
        var other = new NumericProfile(Summary, new Histogram([1, 2], [1, 1, 1]));

        Assert.Throws<ArgumentException>(() => DriftRule.CheckFeature("amount_7d", Reference, other, Defaults));
    }

    [Fact]
    public void Check_Profiles_ChecksNumericColumnsOfCandidateInOrder()
    {
        var reference = new PartitionProfile(100, [
            new ColumnProfile("entity_id", 0, null),
            new ColumnProfile("count_7d", 0, Reference),
            new ColumnProfile("amount_7d", 0, Reference),
        ]);
        var candidate = new PartitionProfile(100, [
            new ColumnProfile("entity_id", 0, null),
            new ColumnProfile("amount_7d", 0, Numeric([0, 0, 0, 100])),
            new ColumnProfile("count_7d", 0, Reference),
            new ColumnProfile("new_feature", 100, null),
        ]);

        var results = DriftRule.Check(reference, candidate, Defaults);

        Assert.Equal(["amount_7d", "count_7d"], results.Select(result => result.Column));
        Assert.Equal([ValidationStatus.Fail, ValidationStatus.Pass], results.Select(result => result.Status));
    }

    [Fact]
    public void Check_NumericColumnWithAllNullsInCandidate_IsReportedWithoutPsi()
    {
        var reference = new PartitionProfile(100, [new ColumnProfile("amount_7d", 0, Reference)]);
        var candidate = new PartitionProfile(100, [new ColumnProfile("amount_7d", 100, null)]);

        var result = Assert.Single(DriftRule.Check(reference, candidate, Defaults));

        Assert.Null(result.Observed);
    }

    private static NumericProfile Numeric(long[] counts) => new(Summary, new Histogram(Quartiles, counts));

    [Fact]
    public void CheckAgainst_TrailingWindowOfSameDistribution_Passes()
    {
        var trailing = Enumerable.Range(0, 7).Select(day => Profile("amount_1d", Uniform(0, 100, 500))).ToList();

        var results = DriftRule.CheckAgainst(trailing, Profile("amount_1d", Uniform(0, 100, 500)), Defaults);

        Assert.Equal(ValidationStatus.Pass, Assert.Single(results).Status);
    }

    [Fact]
    public void CheckAgainst_ShiftedCandidate_FailsUnlessExpectedToDrift()
    {
        IReadOnlyList<PartitionProfile> trailing = [Profile("amount_1d", Uniform(0, 100, 500)), Profile("amount_1d", Uniform(0, 100, 500))];
        var shifted = Profile("amount_1d", Uniform(300, 400, 500));

        var failed = Assert.Single(DriftRule.CheckAgainst(trailing, shifted, Defaults));
        var reported = Assert.Single(DriftRule.CheckAgainst(
            trailing, shifted, Defaults with { ExpectedToDrift = new HashSet<string>(["amount_1d"]) }));

        Assert.Equal(ValidationStatus.Fail, failed.Status);
        Assert.Contains("mean +300", failed.Message, StringComparison.Ordinal);
        Assert.Equal(ValidationStatus.Warn, reported.Status);
    }

    [Fact]
    public void CheckFeature_LargeShiftWithTooFewValues_WarnsInsteadOfFailing()
    {
        var few = new NumericProfile(Summary with { Count = 60 }, new Histogram(Quartiles, [0, 0, 0, 60]));

        var result = DriftRule.CheckFeature("events_1d", Reference, few, Defaults);

        Assert.Equal(ValidationStatus.Warn, result.Status);
        Assert.EndsWith("Only 60 values on one side, fewer than 100: reported, not failed.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAgainst_NoReference_PassesSayingSo()
    {
        var result = Assert.Single(DriftRule.CheckAgainst([], Profile("amount_1d", Uniform(0, 100, 50)), Defaults));

        Assert.Equal(ValidationStatus.Pass, result.Status);
        Assert.Null(result.Observed);
    }

    private static PartitionProfile Profile(string column, double[] values) =>
        new(values.Length, [new ColumnProfile("entity_id", 0, null), ColumnProfile.OfNumbers(column, [.. values.Select(v => (double?)v)])]);

    private static double[] Uniform(double from, double to, int count) =>
        [.. Enumerable.Range(0, count).Select(i => from + ((to - from) * i / (count - 1)))];
}
