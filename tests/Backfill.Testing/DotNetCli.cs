using System.Diagnostics;
using System.Reflection;

namespace Backfill.Testing;

/// <summary>Runs the dotnet CLI the way a developer would, for tests that check build outputs.</summary>
public static class DotNetCli
{
    /// <summary>The configuration this test assembly was built in, so publish can reuse that build.</summary>
    public static string Configuration =>
        Assembly.GetCallingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>Publishes an already built project into a new temporary folder and returns that folder.</summary>
    public static async Task<string> PublishAsync(string projectPath, string configuration, CancellationToken cancellationToken)
    {
        var output = Directory.CreateTempSubdirectory("backfill-publish-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "publish", projectPath, "-c", configuration, "--no-build", "-o", output })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {projectPath} failed ({process.ExitCode}): {await stdout}{await stderr}");
        }

        return output;
    }
}
