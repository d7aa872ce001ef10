using Backfill.Testing;

namespace Backfill.Functions.Tests;

/// <summary>Publishes the Functions app once per test class, as a deployment would, and reads its triggers.</summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    /// <summary>The publish output folder.</summary>
    public string Folder { get; private set; } = string.Empty;

    internal IReadOnlyList<FunctionTrigger> Triggers { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Folder = await DotNetCli.PublishAsync(
            RepositoryPaths.Combine("src/Backfill.Functions/Backfill.Functions.csproj"),
            DotNetCli.Configuration,
            TestContext.Current.CancellationToken);
        Triggers = FunctionTrigger.ReadAll(Folder);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    internal FunctionTrigger Trigger(string name) =>
        Triggers.SingleOrDefault(t => t.Name == name) ?? throw new Xunit.Sdk.XunitException($"functions.metadata has no function '{name}'");
}
