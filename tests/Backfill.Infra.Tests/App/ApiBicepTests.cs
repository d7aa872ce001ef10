using System.Text.Json;
using Backfill.Infra.Tests.Support;

namespace Backfill.Infra.Tests.App;

/// <summary>infra/app/api.bicep: a Flex Consumption .NET 10 isolated app with identity-based connections only.</summary>
public sealed class ApiBicepTests(CompiledMainTemplate main)
{
    private static readonly string[] StorageServices = ["blob", "queue", "table"];

    // Flex Consumption rejects these two; the plan's functionAppConfig.runtime replaces them.
    private static readonly string[] FlexRejectedSettings = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION"];

    [Fact]
    public void Plan_Sku_IsFlexConsumptionFc1()
    {
        var plan = Assert.Single(ArmTemplate.OfType(main.Template, "Microsoft.Web/serverfarms"));
        var sku = plan.Definition.GetProperty("sku");

        Assert.Equal("FC1", sku.GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", sku.GetProperty("tier").GetString());
        Assert.True(plan.Properties.GetProperty("reserved").GetBoolean(), "a reserved plan is a Linux plan");
    }

    [Fact]
    public void FunctionApp_HttpsOnly_IsTrue() =>
        Assert.True(Site().Properties.GetProperty("httpsOnly").GetBoolean());

    [Fact]
    public void FunctionApp_SiteConfig_RequiresTls12AndNoFtp()
    {
        var siteConfig = Site().Properties.GetProperty("siteConfig");

        Assert.Equal("1.2", siteConfig.GetProperty("minTlsVersion").GetString());
        Assert.Equal("Disabled", siteConfig.GetProperty("ftpsState").GetString());
    }

    [Fact]
    public void FunctionApp_Kind_IsLinuxFunctionApp() =>
        Assert.Equal("functionapp,linux", Site().Definition.GetProperty("kind").GetString());

    [Fact]
    public void FunctionApp_Runtime_IsDotnetIsolated10()
    {
        var runtime = Site().Properties.GetProperty("functionAppConfig").GetProperty("runtime");
        var api = ArmTemplate.Module(main.Template, "api");

        Assert.Equal("[parameters('runtimeName')]", runtime.GetProperty("name").GetString());
        Assert.Equal("[parameters('runtimeVersion')]", runtime.GetProperty("version").GetString());
        Assert.Equal("dotnet-isolated", ArmTemplate.ModuleParameter(main.Template, api, "runtimeName").GetString());
        Assert.Equal("10.0", ArmTemplate.ModuleParameter(main.Template, api, "runtimeVersion").GetString());
    }

    [Fact]
    public void FunctionApp_Identity_IsUserAssignedOnly() =>
        Assert.Equal("UserAssigned", Site().Definition.GetProperty("identity").GetProperty("type").GetString());

    [Fact]
    public void FunctionApp_DeploymentPackage_IsReadWithTheUserAssignedIdentity()
    {
        var storage = Site().Properties.GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");

        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Equal("UserAssignedIdentity", storage.GetProperty("authentication").GetProperty("type").GetString());
    }

    [Fact]
    public void FunctionApp_Tags_NameTheAzdServiceApi() =>
        Assert.Contains("'azd-service-name', parameters('serviceName')", Site().Definition.GetProperty("tags").GetString(), StringComparison.Ordinal);

    [Fact]
    public void BasicPublishingCredentials_FtpAndScm_AreDisallowed()
    {
        var policies = ArmTemplate.OfType(main.Template, "Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.Properties.GetProperty("allow").GetBoolean()));
    }

    [Fact]
    public void AppSettings_Resource_MergesConnectionSettingsLast()
    {
        var properties = AppSettingsResource().Properties.GetString()!;

        // union() lets later objects win: no application setting can replace a connection setting.
        Assert.StartsWith("[union(parameters('appSettings'), createObject(", properties, StringComparison.Ordinal);
        Assert.EndsWith("))]", properties, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_AzureWebJobsStorage_IsIdentityBased()
    {
        var connection = ConnectionSettings();

        Assert.Equal("'managedidentity'", connection["AzureWebJobsStorage__credential"]);
        Assert.Equal("parameters('identityClientId')", connection["AzureWebJobsStorage__clientId"]);
        Assert.All(StorageServices, service =>
            Assert.Contains($"primaryEndpoints.{service}", connection[$"AzureWebJobsStorage__{service}ServiceUri"], StringComparison.Ordinal));
    }

    [Fact]
    public void AppSettings_ApplicationInsights_AuthenticatesWithTheIdentity() =>
        Assert.Equal(
            "format('ClientId={0};Authorization=AAD', parameters('identityClientId'))",
            ConnectionSettings()["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);

    [Fact]
    public void AppSettings_Keys_HaveNoConnectionStringStorageOrFlexRejectedSetting()
    {
        var keys = AllSettingKeys();

        Assert.DoesNotContain("AzureWebJobsStorage", keys);
        Assert.DoesNotContain(keys, key => FlexRejectedSettings.Contains(key, StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain(ConnectionSettings().Values, value => value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("TaskHubName", "[parameters('taskHubName')]")]
    [InlineData("DailySchedule", "[parameters('dailySchedule')]")]
    [InlineData("Daily__LagDays", "[string(parameters('lagDays'))]")]
    [InlineData("Daily__RollingDays", "[string(parameters('rollingDays'))]")]
    [InlineData("Backfill__MaxParallel", "[string(parameters('maxParallel'))]")]
    public void AppSettings_ApplicationSetting_ComesFromItsParameter(string key, string expression)
    {
        var settings = ArmTemplate.ModuleParameter(main.Template, ArmTemplate.Module(main.Template, "api"), "appSettings");

        Assert.Equal(expression, settings.GetProperty(key).GetString());
    }

    [Fact]
    public void AppSettings_AllowSampleData_IsFalse()
    {
        var settings = ArmTemplate.ModuleParameter(main.Template, ArmTemplate.Module(main.Template, "api"), "appSettings");

        Assert.Equal("false", settings.GetProperty("Backfill__AllowSampleData").GetString());
    }

    private ArmResource Site() => Assert.Single(ArmTemplate.OfType(main.Template, "Microsoft.Web/sites"));

    private ArmResource AppSettingsResource() => Assert.Single(ArmTemplate.OfType(main.Template, "Microsoft.Web/sites/config"));

    private IReadOnlyDictionary<string, string> ConnectionSettings() =>
        ArmExpression.CreateObject(AppSettingsResource().Properties.GetString()!);

    private List<string> AllSettingKeys()
    {
        var application = ArmTemplate.ModuleParameter(main.Template, ArmTemplate.Module(main.Template, "api"), "appSettings");
        return [.. ConnectionSettings().Keys, .. application.EnumerateObject().Select(p => p.Name)];
    }
}
