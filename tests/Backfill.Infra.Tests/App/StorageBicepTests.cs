using System.Text.Json;
using Backfill.Infra.Tests.Support;

namespace Backfill.Infra.Tests.App;

/// <summary>infra/app/storage.bicep: storage is reachable only with Entra ID, over TLS 1.2+, never publicly.</summary>
public sealed class StorageBicepTests(CompiledMainTemplate main)
{
    [Fact]
    public void StorageAccounts_AllowSharedKeyAccess_IsFalse() =>
        Assert.All(Accounts(), a => Assert.False(a.Properties.GetProperty("allowSharedKeyAccess").GetBoolean()));

    [Fact]
    public void StorageAccounts_MinimumTlsVersion_IsTls12() =>
        Assert.All(Accounts(), a => Assert.Equal("TLS1_2", a.Properties.GetProperty("minimumTlsVersion").GetString()));

    [Fact]
    public void StorageAccounts_AllowBlobPublicAccess_IsFalse() =>
        Assert.All(Accounts(), a => Assert.False(a.Properties.GetProperty("allowBlobPublicAccess").GetBoolean()));

    [Fact]
    public void StorageAccounts_SupportsHttpsTrafficOnly_IsTrue() =>
        Assert.All(Accounts(), a => Assert.True(a.Properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean()));

    [Fact]
    public void Containers_PublicAccess_IsNone()
    {
        var containers = ArmTemplate.OfType(main.Template, "Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.Equal("None", c.Properties.GetProperty("publicAccess").GetString()));
    }

    [Fact]
    public void StorageModule_Containers_HoldDeploymentPackageAndLakeApart()
    {
        var storage = ArmTemplate.Module(main.Template, "storage");

        var containers = ArmTemplate.ModuleParameter(main.Template, storage, "containerNames").EnumerateArray()
            .Select(c => ArmTemplate.Resolve(main.Template, c))
            .ToList();

        Assert.Equal(2, containers.Count);
        Assert.Contains(containers, c => c.GetString()!.StartsWith("[format('app-package-", StringComparison.Ordinal));
        Assert.Contains(containers, c => c.ValueKind == JsonValueKind.String && c.GetString() == "lake");
    }

    private IReadOnlyList<ArmResource> Accounts()
    {
        var accounts = ArmTemplate.OfType(main.Template, "Microsoft.Storage/storageAccounts");
        Assert.NotEmpty(accounts);
        return accounts;
    }
}
