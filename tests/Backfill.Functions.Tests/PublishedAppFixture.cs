using Backfill.Testing;

namespace Backfill.Functions.Tests;

/// <summary>Publishes the Functions app once per test run, as a deployment would.</summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    /// <summary>The publish output folder.</summary>
    public string Folder { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync() =>
        Folder = await DotNetCli.PublishAsync(
            RepositoryPaths.Combine("src/Backfill.Functions/Backfill.Functions.csproj"),
            DotNetCli.Configuration,
            TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
