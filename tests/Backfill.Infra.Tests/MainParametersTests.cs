using System.Text.Json;
using System.Text.RegularExpressions;
using Backfill.Infra.Tests.Support;
using Backfill.Testing;

namespace Backfill.Infra.Tests;

/// <summary>infra/main.parameters.json: azd maps its environment onto main.bicep's parameters.</summary>
public sealed partial class MainParametersTests(CompiledMainTemplate main) : IDisposable
{
    private readonly JsonDocument _parameters = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("infra/main.parameters.json")));

    [Fact]
    public void MainParameters_EveryEntry_IsATemplateParameter() =>
        Assert.All(Entries(), entry => Assert.True(
            main.Template.GetProperty("parameters").TryGetProperty(entry.Name, out _),
            $"main.bicep has no parameter '{entry.Name}'"));

    [Fact]
    public void MainParameters_RequiredParameters_AreAllMapped()
    {
        var mapped = Entries().Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var required = main.Template.GetProperty("parameters").EnumerateObject()
            .Where(p => !p.Value.TryGetProperty("defaultValue", out _))
            .Select(p => p.Name);

        Assert.All(required, name => Assert.Contains(name, mapped));
    }

    [Theory]
    [InlineData("environmentName", "${AZURE_ENV_NAME}")]
    [InlineData("location", "${AZURE_LOCATION}")]
    [InlineData("principalId", "${AZURE_PRINCIPAL_ID}")]
    public void MainParameters_AzdParameter_MapsTheAzdVariable(string parameter, string value) =>
        Assert.Equal(value, Entries().Single(e => e.Name == parameter).Value.GetProperty("value").GetString());

    [Fact]
    public void MainParameters_EveryValue_IsOneAzdVariable() =>
        Assert.All(Entries(), entry => Assert.Matches(AzdVariable(), entry.Value.GetProperty("value").GetString()));

    public void Dispose() => _parameters.Dispose();

    private JsonElement.ObjectEnumerator Entries() => _parameters.RootElement.GetProperty("parameters").EnumerateObject();

    // ${NAME} or ${NAME=default}: azd substitutes its environment value, or the default when unset.
    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*(=[^}]*)?\}$")]
    private static partial Regex AzdVariable();
}
