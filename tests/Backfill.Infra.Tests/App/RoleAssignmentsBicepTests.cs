using System.Text.Json;
using Backfill.Infra.Tests.Support;

namespace Backfill.Infra.Tests.App;

/// <summary>infra/app/role-assignments.bicep and its uses: the identity gets exactly the data roles it needs.</summary>
public sealed class RoleAssignmentsBicepTests(CompiledMainTemplate main)
{
    private const string StorageAccounts = "Microsoft.Storage/storageAccounts";
    private const string InsightsComponents = "Microsoft.Insights/components";

    private static readonly string[] StorageDataRoles =
    [
        BuiltInRoles.StorageBlobDataOwner,
        BuiltInRoles.StorageQueueDataContributor,
        BuiltInRoles.StorageTableDataContributor,
    ];

    private static readonly string[] MonitoringRoles = [BuiltInRoles.MonitoringMetricsPublisher];

    private static readonly string[] IdentityRoleModules = ["identity-storage-roles", "identity-monitoring-roles"];

    [Fact]
    public void IdentityStorageRoles_OnHostStorage_GrantBlobOwnerQueueAndTableContributor()
    {
        var module = ArmTemplate.Module(main.Template, "identity-storage-roles");

        AssertGrant(module, StorageAccounts, "storage", "name", StorageDataRoles);
        Assert.True(ReadsModuleOutput(Parameter(module, "principalId").GetString(), "identity", "principalId"));
        Assert.Equal("ServicePrincipal", Parameter(module, "principalType").GetString());
    }

    [Fact]
    public void IdentityMonitoringRoles_OnApplicationInsights_GrantMonitoringMetricsPublisher()
    {
        var module = ArmTemplate.Module(main.Template, "identity-monitoring-roles");

        AssertGrant(module, InsightsComponents, "monitoring", "applicationInsightsName", MonitoringRoles);
        Assert.True(ReadsModuleOutput(Parameter(module, "principalId").GetString(), "identity", "principalId"));
    }

    [Fact]
    public void PrincipalStorageRoles_DeployingPrincipal_AreGrantedOnlyWhenPrincipalIdIsSet()
    {
        var module = ArmTemplate.Module(main.Template, "principal-storage-roles");

        AssertGrant(module, StorageAccounts, "storage", "name", StorageDataRoles);
        Assert.Equal("[parameters('principalId')]", Parameter(module, "principalId").GetString());
        Assert.Equal("[not(empty(parameters('principalId')))]", module.Definition.GetProperty("condition").GetString());
    }

    [Fact]
    public void RoleAssignmentsModule_EveryAssignment_GrantsABuiltInRolePerGrantedId()
    {
        var assignments = ArmTemplate.OfType(main.Template, "Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a =>
        {
            Assert.Equal("[length(parameters('roleDefinitionIds'))]", a.Definition.GetProperty("copy").GetProperty("count").GetString());
            Assert.Equal(
                "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', parameters('roleDefinitionIds')[copyIndex()])]",
                a.Properties.GetProperty("roleDefinitionId").GetString());
            Assert.Equal("[parameters('principalId')]", a.Properties.GetProperty("principalId").GetString());
        });
    }

    [Theory]
    [InlineData(StorageAccounts, "[variables('onStorage')]")]
    [InlineData(InsightsComponents, "[not(variables('onStorage'))]")]
    public void RoleAssignmentsModule_Assignment_IsScopedToTheRequestedResourceType(string resourceType, string condition)
    {
        var assignments = ArmTemplate.OfType(main.Template, "Microsoft.Authorization/roleAssignments")
            .Where(a => a.Definition.GetProperty("scope").GetString()!.StartsWith($"[resourceId('{resourceType}'", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.Equal(condition, a.Definition.GetProperty("condition").GetString()));
    }

    [Fact]
    public void ApiModule_Deployment_WaitsForTheIdentityRoles()
    {
        var dependsOn = ArmTemplate.Module(main.Template, "api").Definition.GetProperty("dependsOn")
            .EnumerateArray().Select(d => d.GetString()!).ToList();

        Assert.All(IdentityRoleModules, name =>
            Assert.Contains(dependsOn, d => d.Contains($"'Microsoft.Resources/deployments', '{name}')", StringComparison.Ordinal)));
    }

    private void AssertGrant(ArmResource module, string resourceType, string targetModule, string targetOutput, string[] roles)
    {
        Assert.Equal(resourceType, Parameter(module, "resourceType").GetString());
        Assert.True(
            ReadsModuleOutput(Parameter(module, "resourceName").GetString(), targetModule, targetOutput),
            $"roles are granted on the {targetModule} module's {targetOutput}");
        Assert.Equal(roles, Parameter(module, "roleDefinitionIds").EnumerateArray().Select(r => r.GetString()));
    }

    private JsonElement Parameter(ArmResource module, string name) => ArmTemplate.ModuleParameter(main.Template, module, name);

    private static bool ReadsModuleOutput(string? expression, string module, string output) =>
        expression is not null
        && expression.Contains($"'Microsoft.Resources/deployments', '{module}')", StringComparison.Ordinal)
        && expression.Contains($".outputs.{output}.value", StringComparison.Ordinal);
}
