using Backfill.Workflows.Hosting;

namespace Backfill.Workflows.Tests.Hosting;

public sealed class ApplicationInsightsAuthenticationTests
{
    [Fact]
    public void Parse_InfraValue_UserAssignedClientId() =>
        Assert.Equal(new ApplicationInsightsAuthentication("7d1c0a52-3f7e-4b0e-9a4e-2c1f5b8e6d90"),
            ApplicationInsightsAuthentication.Parse("ClientId=7d1c0a52-3f7e-4b0e-9a4e-2c1f5b8e6d90;Authorization=AAD"));

    [Fact]
    public void Parse_KeysInAnyCaseOrderAndSpacing_SameIdentity() =>
        Assert.Equal(new ApplicationInsightsAuthentication("abc"), ApplicationInsightsAuthentication.Parse(" authorization = aad ; clientid = abc ;"));

    [Fact]
    public void Parse_AadWithoutClientId_SystemAssigned() =>
        Assert.Equal(new ApplicationInsightsAuthentication(null), ApplicationInsightsAuthentication.Parse("Authorization=AAD"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=abc")]
    [InlineData("ClientId=abc;Authorization=Key")]
    public void Parse_NoEntraAuthorization_Null(string? value) => Assert.Null(ApplicationInsightsAuthentication.Parse(value));
}
