using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;

namespace Backfill.Infra.Tests.Support;

/// <summary>
/// Runs the Bicep CLI restored from the Azure.Bicep.CommandLine.linux-x64 package; the build writes
/// the binary's path into this assembly, so no download and no PATH lookup is involved.
/// </summary>
public static class BicepCli
{
    private static readonly Lazy<string> Executable = new(FindExecutable);

    /// <summary>The binary the tests run (the package's, or an executable copy of it).</summary>
    public static string Path => Executable.Value;

    /// <summary>Runs bicep with <paramref name="arguments"/> and captures both output streams.</summary>
    public static async Task<BicepResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Path}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new BicepResult(string.Join(' ', arguments), process.ExitCode, await stdout, await stderr);
    }

    private static string FindExecutable()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The tests run the linux-x64 Bicep CLI package; run them on Linux x64.");
        }

        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepCliPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is not at '{path}'. Restore tests/Backfill.Infra.Tests (package Azure.Bicep.CommandLine.linux-x64).");
        }

        return EnsureExecutable(path);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string EnsureExecutable(string path)
    {
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & execute) == execute)
        {
            return path;
        }

        try
        {
            File.SetUnixFileMode(path, mode | execute);
            return path;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or Win32Exception)
        {
            // The package cache belongs to another user (a shared CI cache): run a private copy.
            var folder = Directory.CreateTempSubdirectory("backfill-bicep-").FullName;
            var copy = System.IO.Path.Combine(folder, System.IO.Path.GetFileName(path));
            File.Copy(path, copy);
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return copy;
        }
    }
}
