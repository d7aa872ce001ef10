using System.Text.Json;
using System.Text.RegularExpressions;

namespace Backfill.Infra.Tests.Support;

/// <summary>Reads a compiled ARM template, including the nested templates Bicep emits for modules.</summary>
public static partial class ArmTemplate
{
    /// <summary>The module name given to resources of main.bicep itself.</summary>
    public const string MainModule = "main";

    /// <summary>The resource type of a module.</summary>
    public const string DeploymentType = "Microsoft.Resources/deployments";

    /// <summary>
    /// Every resource the template deploys, depth first through modules. References to <c>existing</c>
    /// resources are left out: they deploy nothing.
    /// </summary>
    public static IEnumerable<ArmResource> Resources(JsonElement template, string module = MainModule)
    {
        // Bicep emits an array, or an object keyed by symbolic name (languageVersion 2.0).
        var resources = template.GetProperty("resources");
        var declared = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
        foreach (var resource in declared)
        {
            if (resource.TryGetProperty("existing", out var existing) && existing.ValueKind == JsonValueKind.True)
            {
                continue;
            }

            var type = resource.GetProperty("type").GetString() ?? string.Empty;
            yield return new ArmResource(type, resource, module, template);
            if (type == DeploymentType)
            {
                var name = resource.GetProperty("name").GetString() ?? string.Empty;
                foreach (var inner in Resources(resource.GetProperty("properties").GetProperty("template"), name))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The resources of one type.</summary>
    public static IReadOnlyList<ArmResource> OfType(JsonElement template, string type) =>
        [.. Resources(template).Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The module (nested deployment) of main.bicep with that deployment name.</summary>
    public static ArmResource Module(JsonElement template, string name) =>
        Resources(template).SingleOrDefault(r => r.Type == DeploymentType && r.Definition.GetProperty("name").GetString() == name)
        ?? throw new InvalidOperationException($"The compiled template has no module named '{name}'.");

    /// <summary>The value main.bicep passes to a module parameter, with a plain variable reference resolved.</summary>
    public static JsonElement ModuleParameter(JsonElement mainTemplate, ArmResource module, string parameter)
    {
        var parameters = module.Properties.GetProperty("parameters");
        if (!parameters.TryGetProperty(parameter, out var assignment))
        {
            throw new InvalidOperationException($"Module '{module.Definition.GetProperty("name").GetString()}' gets no parameter '{parameter}'.");
        }

        return Resolve(mainTemplate, assignment.GetProperty("value"));
    }

    /// <summary>Resolves an expression that is only <c>[variables('name')]</c> to the variable's value.</summary>
    public static JsonElement Resolve(JsonElement template, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && VariableReference().Match(value.GetString()!) is { Success: true } match)
        {
            return template.GetProperty("variables").GetProperty(match.Groups["name"].Value);
        }

        return value;
    }

    /// <summary>Every string in the value, recursively: the literal leaves of an object or array.</summary>
    public static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => value.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [GeneratedRegex(@"^\[variables\('(?<name>[^']+)'\)\]$")]
    private static partial Regex VariableReference();
}
