using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class NullRateRuleTests
{
    private static readonly ValidationThresholds Defaults = new();
    private static readonly ColumnSchema[] Schema =
    [
        new("entity_id", "string", IsNullable: false),
        new("amount", "double", IsNullable: true),
    ];

    // Pooled baseline of amount: 10 nulls in 1 000 rows (1%), though one small day had a 50% rate.
    private static readonly PartitionProfile[] Trailing =
    [
        Profile(rows: 990, amountNulls: 5),
        Profile(rows: 10, amountNulls: 5),
    ];

    [Theory]
    [InlineData(0, ValidationStatus.Pass)]
    [InlineData(60, ValidationStatus.Pass)]
    [InlineData(61, ValidationStatus.Fail)]
    public void Check_NullableColumn_FailsWhenRateRisesMoreThanFivePoints(long amountNulls, ValidationStatus status)
    {
        var results = NullRateRule.Check(Profile(1_000, amountNulls), Trailing, Schema, Defaults);

        var amount = Assert.Single(results, result => result.Column == "amount");
        Assert.Equal(ValidationCheckNames.NullRate, amount.Name);
        Assert.Equal(status, amount.Status);
        Assert.Equal(amountNulls / 1_000.0, amount.Observed);
        Assert.Equal(0.06, amount.Threshold!.Value, precision: 12);
    }

    [Fact]
    public void Check_NullSpike_MessageNamesRateAndBaseline()
    {
        var amount = NullRateRule.Check(Profile(1_000, 300), Trailing, Schema, Defaults)[1];

        Assert.Equal(
            "Null rate 30% in 'amount' against a trailing baseline of 1%; fail above 6% (+5 points).", amount.Message);
    }

    [Fact]
    public void Check_NonNullableColumnWithOneNull_Fails()
    {
        var candidate = new PartitionProfile(1_000, [new ColumnProfile("entity_id", 1, null), new ColumnProfile("amount", 0, null)]);

        var results = NullRateRule.Check(candidate, Trailing, Schema, Defaults);

        Assert.Equal(["entity_id", "amount"], results.Select(result => result.Column));
        Assert.Equal(ValidationStatus.Fail, results[0].Status);
        Assert.Equal(0, results[0].Threshold);
        Assert.Equal("1 nulls in non-nullable column 'entity_id'.", results[0].Message);
    }

    [Fact]
    public void Check_NonNullableColumnWithoutNulls_PassesEvenWithoutBaseline()
    {
        var results = NullRateRule.Check(Profile(1_000, 0), [], Schema, Defaults);

        Assert.Equal(ValidationStatus.Pass, results[0].Status);
        Assert.Equal(0, results[0].Threshold);
    }

    [Fact]
    public void Check_NoTrailingPartitionHasColumn_PassesSayingThereIsNoBaseline()
    {
        var trailingWithoutAmount = new PartitionProfile(1_000, [new ColumnProfile("entity_id", 0, null)]);

        var amount = NullRateRule.Check(Profile(1_000, 900), [trailingWithoutAmount], Schema, Defaults)[1];

        Assert.Equal(ValidationStatus.Pass, amount.Status);
        Assert.Equal(0.9, amount.Observed);
        Assert.Null(amount.Threshold);
        Assert.Contains("no baseline", amount.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ColumnMissingFromSchema_IsJudgedAsNullable()
    {
        var candidate = new PartitionProfile(100, [new ColumnProfile("extra", 3, null)]);

        var result = Assert.Single(NullRateRule.Check(candidate, [], Schema, Defaults));

        Assert.Equal(ValidationStatus.Pass, result.Status);
    }

    [Fact]
    public void Check_EmptyCandidate_HasZeroRate()
    {
        var amount = NullRateRule.Check(Profile(0, 0), Trailing, Schema, Defaults)[1];

        Assert.Equal(0, amount.Observed);
        Assert.Equal(ValidationStatus.Pass, amount.Status);
    }

    [Theory]
    [InlineData(200, 172, ValidationStatus.Pass)]
    [InlineData(100_000, 86_000, ValidationStatus.Fail)]
    public void Check_SparseColumn_AllowsSamplingNoiseOfASmallPartitionOnly(long rows, long amountNulls, ValidationStatus status)
    {
        // amount is null for most event types: an 80% baseline. 86% is noise on 200 rows, a spike on 100 000.
        PartitionProfile[] sparse = [Profile(1_000, 800), Profile(1_000, 800), Profile(1_000, 800)];

        var amount = NullRateRule.Check(Profile(rows, amountNulls), sparse, Schema, Defaults)[1];

        Assert.Equal(status, amount.Status);
        var allowed = Math.Max(0.05, 4 * Math.Sqrt(0.8 * 0.2 / rows));
        Assert.Equal(0.8 + allowed, amount.Threshold!.Value, precision: 12);
        Assert.Equal(rows < 1_000, amount.Message.Contains("sampling noise of", StringComparison.Ordinal));
    }

    private static PartitionProfile Profile(long rows, long amountNulls) =>
        new(rows, [new ColumnProfile("entity_id", 0, null), new ColumnProfile("amount", amountNulls, null)]);
}
