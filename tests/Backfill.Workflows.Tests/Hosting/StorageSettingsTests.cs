using Backfill.Workflows.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Tests.Hosting;

public sealed class StorageSettingsTests
{
    private static StorageSettings Resolve(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddBackfillWorkflows(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<StorageSettings>>().Value;
    }

    [Fact]
    public void Bind_ConnectionString_UsesIt()
    {
        var settings = Resolve(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.False(settings.UsesIdentity);
        Assert.Equal("UseDevelopmentStorage=true", settings.ConnectionString);
    }

    [Fact]
    public void Bind_IdentitySettingsAsDeployed_UsesManagedIdentity()
    {
        var settings = Resolve(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.True(settings.UsesIdentity);
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), settings.TableServiceUri);
        Assert.Equal("00000000-0000-0000-0000-000000000001", settings.ClientId);
    }

    [Fact]
    public void Bind_NothingConfigured_FailsNamingTheSettings()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve([]));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", error.Message, StringComparison.Ordinal);
    }
}
