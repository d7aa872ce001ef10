using Backfill.Workflows.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Tests.Hosting;

public sealed class StorageSettingsTests
{
    private static StorageSettings Resolve(Dictionary<string, string?> values) => Resolve<StorageSettings>(values);

    private static T Resolve<T>(Dictionary<string, string?> values) where T : class
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddBackfillWorkflows(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<T>>().Value;
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

    [Fact]
    public void Bind_ApiCallTimeout_DefaultsTo8SecondsAndReadsStorageSection()
    {
        Assert.Equal(TimeSpan.FromSeconds(8), Resolve<StorageCallSettings>(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }).ApiCallTimeout);
        Assert.Equal(
            TimeSpan.FromSeconds(45),
            Resolve<StorageCallSettings>(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Storage:ApiCallTimeout"] = "00:00:45" }).ApiCallTimeout);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:10:00")]
    public void Bind_ApiCallTimeoutOutOfRange_FailsNamingTheSetting(string timeout)
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            Resolve<StorageCallSettings>(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Storage:ApiCallTimeout"] = timeout }));

        Assert.Contains("Storage:ApiCallTimeout", error.Message, StringComparison.Ordinal);
    }
}
