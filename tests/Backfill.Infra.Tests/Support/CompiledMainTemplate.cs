using System.Text.Json;
using Backfill.Testing;

namespace Backfill.Infra.Tests.Support;

/// <summary>
/// Builds infra/main.bicep once per test run into a temporary folder. The ARM JSON is always produced
/// from the Bicep under test, never read from a committed file.
/// </summary>
public sealed class CompiledMainTemplate : IAsyncLifetime
{
    private string _folder = string.Empty;
    private JsonDocument? _document;

    /// <summary>The Bicep entry point.</summary>
    public static string MainBicep => RepositoryPaths.Combine("infra/main.bicep");

    /// <summary>What <c>bicep build</c> printed and returned.</summary>
    public BicepResult Build { get; private set; } = new(string.Empty, -1, string.Empty, string.Empty);

    /// <summary>The compiled template; fails with the build output when the build failed.</summary>
    public JsonElement Template => _document?.RootElement
        ?? throw new InvalidOperationException($"infra/main.bicep did not compile.{Environment.NewLine}{Build.Output}");

    public async ValueTask InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("backfill-arm-").FullName;
        var output = Path.Combine(_folder, "main.json");
        Build = await BicepCli.RunAsync(["build", MainBicep, "--outfile", output], TestContext.Current.CancellationToken);
        if (Build.ExitCode == 0 && File.Exists(output))
        {
            _document = JsonDocument.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
        }
    }

    public ValueTask DisposeAsync()
    {
        _document?.Dispose();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
