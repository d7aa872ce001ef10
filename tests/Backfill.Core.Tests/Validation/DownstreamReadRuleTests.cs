using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class DownstreamReadRuleTests
{
    private static readonly ColumnSchema EntityId = new("entity_id", "string", IsNullable: false);
    private static readonly ColumnSchema Date = new("date", "date", IsNullable: false);
    private static readonly ColumnSchema Amount = new("amount_7d", "double", IsNullable: true);
    private static readonly ColumnSchema[] Declared = [EntityId, Date, Amount];

    [Fact]
    public void CheckSchema_SameColumns_Passes()
    {
        var result = DownstreamReadRule.CheckSchema(Declared, [EntityId, Date, Amount]);

        Assert.Equal(ValidationCheckNames.Schema, result.Name);
        Assert.Equal(ValidationStatus.Pass, result.Status);
        Assert.Equal(0, result.Observed);
        Assert.Equal("Schema matches the 3 declared columns.", result.Message);
    }

    [Fact]
    public void CheckSchema_OnlyNullabilityDiffers_Passes()
    {
        var result = DownstreamReadRule.CheckSchema(Declared, [EntityId with { IsNullable = true }, Date, Amount]);

        Assert.Equal(ValidationStatus.Pass, result.Status);
    }

    [Fact]
    public void CheckSchema_TypeChanged_FailsNamingColumnAndTypes()
    {
        var result = DownstreamReadRule.CheckSchema(Declared, [EntityId, Date, Amount with { Type = "float" }]);

        Assert.Equal(ValidationStatus.Fail, result.Status);
        Assert.Equal(1, result.Observed);
        Assert.Equal("Schema differs: 'amount_7d' is float, expected double.", result.Message);
    }

    [Fact]
    public void CheckSchema_ColumnMissing_FailsWithoutReportingTheRestAsReordered()
    {
        var result = DownstreamReadRule.CheckSchema(Declared, [EntityId, Amount]);

        Assert.Equal(ValidationStatus.Fail, result.Status);
        Assert.Equal("Schema differs: missing 'date'.", result.Message);
    }

    [Fact]
    public void CheckSchema_UnexpectedColumn_Fails()
    {
        var result = DownstreamReadRule.CheckSchema(Declared, [EntityId, Date, Amount, new ColumnSchema("debug", "string", true)]);

        Assert.Equal(ValidationStatus.Fail, result.Status);
        Assert.Equal("Schema differs: unexpected 'debug'.", result.Message);
    }

    [Fact]
    public void CheckSchema_ColumnsReordered_Fails()
    {
        var result = DownstreamReadRule.CheckSchema(Declared, [Date, EntityId, Amount]);

        Assert.Equal(ValidationStatus.Fail, result.Status);
        Assert.Equal(
            "Schema differs: column order is date, entity_id, amount_7d, expected entity_id, date, amount_7d.", result.Message);
    }

    [Fact]
    public void CheckSchema_NameDiffersOnlyInCase_FailsAsMissingAndUnexpected()
    {
        var result = DownstreamReadRule.CheckSchema(Declared, [EntityId, Date, Amount with { Name = "Amount_7d" }]);

        Assert.Equal(2, result.Observed);
        Assert.Equal("Schema differs: missing 'amount_7d'; unexpected 'Amount_7d'.", result.Message);
    }

    [Fact]
    public void CheckRowsRead_AllRowsBack_Passes()
    {
        var result = DownstreamReadRule.CheckRowsRead(rowsWritten: 1_000, rowsRead: 1_000);

        Assert.Equal(ValidationCheckNames.RowsRead, result.Name);
        Assert.Equal(ValidationStatus.Pass, result.Status);
    }

    [Fact]
    public void CheckRowsRead_RowsLost_FailsWithBothCounts()
    {
        var result = DownstreamReadRule.CheckRowsRead(rowsWritten: 1_000, rowsRead: 990);

        Assert.Equal(ValidationStatus.Fail, result.Status);
        Assert.Equal(990, result.Observed);
        Assert.Equal(1_000, result.Threshold);
        Assert.Equal("Read back 990 rows, but 1000 were written.", result.Message);
    }
}
