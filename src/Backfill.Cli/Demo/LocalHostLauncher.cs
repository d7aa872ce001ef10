using System.Diagnostics;

namespace Backfill.Cli.Demo;

/// <summary>
/// Starts the local host from the repository clone the CLI runs in (<c>dotnet run</c> builds it when
/// needed; with no storage setting it starts its own Azurite) and stops it with the demo.
/// </summary>
internal sealed class LocalHostLauncher : IAsyncDisposable
{
    private readonly Process _process;

    private LocalHostLauncher(Process process) => _process = process;

    public static LocalHostLauncher Start(Uri api)
    {
        var project = Path.Combine(FindRepository(), "src", "Backfill.LocalHost");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "run", "--project", project, "--", "--urls", api.GetLeftPart(UriPartial.Authority) })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start 'dotnet run' for the local host");

        // Drained so a chatty host never blocks on a full pipe; its own log is not the demo's output.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new LocalHostLauncher(process);
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static string FindRepository()
    {
        foreach (var origin in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "src", "Backfill.LocalHost", "Backfill.LocalHost.csproj")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("The demo starts the local host from a clone of the repository; run it inside the clone, or start a host yourself and pass --api.");
    }
}
