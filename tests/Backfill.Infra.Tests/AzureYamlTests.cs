using Backfill.Testing;

namespace Backfill.Infra.Tests;

/// <summary>azure.yaml: azd provisions infra/ and deploys the Functions project as service api.</summary>
public sealed class AzureYamlTests
{
    private static readonly string[] ApiService =
    [
        "  api:",
        "    project: ./src/Backfill.Functions",
        "    language: dotnet",
        "    host: function",
    ];

    [Fact]
    public void AzureYaml_ApiService_DeploysTheFunctionsProjectAsAFunction()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Combine("azure.yaml"));
        var start = Array.IndexOf(lines, ApiService[0]);

        Assert.True(start >= 0, "azure.yaml declares service api");
        Assert.Equal(ApiService, lines.Skip(start).Take(ApiService.Length));
        Assert.True(File.Exists(RepositoryPaths.Combine("src/Backfill.Functions/Backfill.Functions.csproj")));
    }

    [Fact]
    public void AzureYaml_Infra_IsMainBicep()
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("azure.yaml"));

        Assert.Contains("  provider: bicep", text, StringComparison.Ordinal);
        Assert.Contains("  path: infra", text, StringComparison.Ordinal);
        Assert.Contains("  module: main", text, StringComparison.Ordinal);
    }
}
