using Backfill.Infra.Tests.Support;

namespace Backfill.Infra.Tests.App;

/// <summary>infra/app/monitoring.bicep: telemetry is accepted only with an Entra token.</summary>
public sealed class MonitoringBicepTests(CompiledMainTemplate main)
{
    [Fact]
    public void ApplicationInsights_DisableLocalAuth_IsTrue()
    {
        var component = Assert.Single(ArmTemplate.OfType(main.Template, "Microsoft.Insights/components"));

        Assert.True(component.Properties.GetProperty("DisableLocalAuth").GetBoolean());
    }

    [Fact]
    public void ApplicationInsights_Workspace_IsTheLogAnalyticsWorkspace()
    {
        var component = Assert.Single(ArmTemplate.OfType(main.Template, "Microsoft.Insights/components"));
        Assert.Single(ArmTemplate.OfType(main.Template, "Microsoft.OperationalInsights/workspaces"));

        Assert.Contains("Microsoft.OperationalInsights/workspaces", component.Properties.GetProperty("WorkspaceResourceId").GetString(), StringComparison.Ordinal);
    }
}
