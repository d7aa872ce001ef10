using System.Text.Json;

namespace Backfill.Infra.Tests.Support;

/// <summary>A resource declared in the compiled template, with the module (nested deployment) that declares it.</summary>
/// <param name="Type">The resource type, e.g. Microsoft.Storage/storageAccounts.</param>
/// <param name="Definition">The resource's JSON.</param>
/// <param name="Module">Name of the declaring deployment; <see cref="ArmTemplate.MainModule"/> for main.bicep itself.</param>
/// <param name="Template">The template that declares it, for its variables and parameters.</param>
public sealed record ArmResource(string Type, JsonElement Definition, string Module, JsonElement Template)
{
    /// <summary>The resource's properties object.</summary>
    public JsonElement Properties => Definition.GetProperty("properties");
}
