using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

public sealed class KeyUniquenessRuleTests
{
    [Fact]
    public void Check_NoDuplicates_Passes()
    {
        var result = KeyUniquenessRule.Check(new DuplicateKeys(["event_id"], 0, null));

        Assert.Equal(ValidationCheckNames.KeyUniqueness, result.Name);
        Assert.Equal(ValidationStatus.Pass, result.Status);
        Assert.Equal(0, result.Observed);
        Assert.Equal("Key (event_id) is unique.", result.Message);
    }

    [Fact]
    public void Check_Duplicates_FailsNamingCountKeyAndExample()
    {
        var result = KeyUniquenessRule.Check(new DuplicateKeys(["entity_id", "date"], 3, "u-42, 2025-01-10"));

        Assert.Equal(ValidationStatus.Fail, result.Status);
        Assert.Equal(3, result.Observed);
        Assert.Equal(0, result.Threshold);
        Assert.Equal("3 duplicate rows on key (entity_id, date), e.g. 'u-42, 2025-01-10'.", result.Message);
    }
}
