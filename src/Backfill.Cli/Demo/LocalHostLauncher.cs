using System.Diagnostics;
using Backfill.Azurite;

namespace Backfill.Cli.Demo;

/// <summary>
/// Starts the local host from the repository clone the CLI runs in (<c>dotnet run</c> builds it when
/// needed; with no storage setting it starts its own Azurite) and stops it with the demo.
/// </summary>
internal sealed class LocalHostLauncher : IAsyncDisposable
{
    // The host's own shutdown deadline (Host:ShutdownDeadline, default 30 s) plus room for dotnet run to exit.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(45);

    private const int TailLines = 40;

    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _tail = new();

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
        var launcher = new LocalHostLauncher(process);

        // Drained so a chatty host never blocks on a full pipe. Its log is not the demo's output, but its last lines
        // are kept: when the host fails to start (a build error, a busy port), they say why.
        process.OutputDataReceived += (_, e) => launcher.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => launcher.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return launcher;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The host's last output lines (build and start), for an error that says why it did not come up.</summary>
    public string Tail => string.Join(Environment.NewLine, _tail);

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > TailLines && _tail.TryDequeue(out _))
        {
        }
    }

    /// <summary>
    /// Stops the host as Ctrl+C would, so it drains its work and stops its Azurite, which saves its data (a kill of
    /// the whole tree lost up to Azurite's last 5 s of metadata: the flip the demo had just printed).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await GracefulStop.StopAsync(_process, StopGrace).ConfigureAwait(false);
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
