using System.Text.Json;
using System.Text.RegularExpressions;
using Backfill.Infra.Tests.Support;
using Backfill.Testing;

namespace Backfill.Infra.Tests;

/// <summary>infra/main.bicep as a whole: it compiles and lints clean offline, and exposes no secret.</summary>
public sealed partial class MainBicepTests(CompiledMainTemplate main)
{
    private static readonly string[] SecretWords = ["KEY", "SECRET", "CONNECTION", "PASSWORD", "TOKEN"];
    private static readonly string[] KeyListingFunctions = ["listKeys(", "listConnectionStrings(", "listAccountSas(", "listServiceSas(", "listSecrets("];
    private static readonly string[] NameOverrides =
    [
        "resourceGroupName", "functionAppName", "appServicePlanName", "storageAccountName",
        "logAnalyticsName", "applicationInsightsName", "userAssignedIdentityName",
    ];

    [Fact]
    public void Build_MainBicep_SucceedsWithNoDiagnostics() =>
        Assert.True(main.Build.IsCleanSuccess, main.Build.Output);

    [Fact]
    public async Task Lint_MainBicep_ReportsNoDiagnostics()
    {
        var lint = await BicepCli.RunAsync(["lint", CompiledMainTemplate.MainBicep], TestContext.Current.CancellationToken);

        Assert.True(lint.IsCleanSuccess, lint.Output);
    }

    [Fact]
    public void Modules_EveryBicepFile_ReferencesLocalFilesOnly()
    {
        var infra = RepositoryPaths.Combine("infra");
        var references = Directory.EnumerateFiles(infra, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(file => ModuleReference().Matches(File.ReadAllText(file))
                .Select(m => (File: file, Path: m.Groups["path"].Value)))
            .ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            // br:, br/public:, ts: and ts/ aliases all need a registry; the build must work offline.
            Assert.DoesNotContain(':', r.Path);
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(r.File)!, r.Path)), $"{r.File} references missing module {r.Path}");
        });
    }

    [Fact]
    public void Outputs_Names_AreUpperSnakeCase() =>
        Assert.All(main.Template.GetProperty("outputs").EnumerateObject(), output =>
            Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", output.Name));

    [Fact]
    public void Outputs_Names_ContainNoSecretWord() =>
        Assert.All(main.Template.GetProperty("outputs").EnumerateObject(), output =>
            Assert.DoesNotContain(SecretWords, word => output.Name.Contains(word, StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public void Outputs_Values_ReadNoConnectionStringOrKey() =>
        Assert.All(main.Template.GetProperty("outputs").EnumerateObject(), output =>
        {
            var value = output.Value.GetRawText();
            Assert.DoesNotContain("ConnectionString", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("InstrumentationKey", value, StringComparison.OrdinalIgnoreCase);
        });

    [Fact]
    public void Template_Anywhere_ListsNoKeys()
    {
        var json = main.Template.GetRawText();

        Assert.All(KeyListingFunctions, function => Assert.DoesNotContain(function, json, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Template_Scope_IsSubscriptionAndCreatesTheResourceGroup()
    {
        Assert.Contains("subscriptionDeploymentTemplate", main.Template.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.Single(ArmTemplate.OfType(main.Template, "Microsoft.Resources/resourceGroups"));
    }

    [Theory]
    [InlineData("dailySchedule", "0 0 2 * * *")]
    [InlineData("taskHubName", "backfill")]
    public void Parameters_StringSetting_HasDocumentedDefault(string parameter, string expected) =>
        Assert.Equal(expected, Parameter(parameter).GetProperty("defaultValue").GetString());

    [Theory]
    [InlineData("lagDays", 2)]
    [InlineData("rollingDays", 3)]
    [InlineData("maxParallel", 3)]
    public void Parameters_NumberSetting_HasDocumentedDefault(string parameter, int expected) =>
        Assert.Equal(expected, Parameter(parameter).GetProperty("defaultValue").GetInt32());

    // The same bounds the app validates (DailyOptions, the API's maxParallel check): a bad value fails the deployment.
    [Theory]
    [InlineData("lagDays", "minValue", 0)]
    [InlineData("rollingDays", "minValue", 0)]
    [InlineData("rollingDays", "maxValue", 7)]
    [InlineData("maxParallel", "minValue", 1)]
    [InlineData("maxParallel", "maxValue", 64)]
    public void Parameters_NumberSetting_HasTheAppsBound(string parameter, string bound, int expected) =>
        Assert.Equal(expected, Parameter(parameter).GetProperty(bound).GetInt32());

    [Fact]
    public void Parameters_NameOverrides_DefaultToGeneratedNames() =>
        Assert.All(NameOverrides, name => Assert.Equal(string.Empty, Parameter(name).GetProperty("defaultValue").GetString()));

    private JsonElement Parameter(string name) => main.Template.GetProperty("parameters").GetProperty(name);

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
