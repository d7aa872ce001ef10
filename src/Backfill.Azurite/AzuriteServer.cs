using System.Collections.Concurrent;
using System.Diagnostics;

namespace Backfill.Azurite;

/// <summary>
/// One Azurite process on free loopback ports. Disposing it stops that process only, never
/// another emulator that happens to run on the machine.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private bool _stopped;

    private AzuriteServer(Process process, AzuriteEndpoints endpoints, ConcurrentQueue<string> output)
    {
        _process = process;
        _output = output;
        Endpoints = endpoints;
    }

    /// <summary>The ports this emulator listens on.</summary>
    public AzuriteEndpoints Endpoints { get; }

    /// <summary>Connection string with explicit endpoints for this emulator.</summary>
    public string ConnectionString => Endpoints.ConnectionString;

    /// <summary>Process id of the emulator, for diagnostics.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Installs Azurite if needed, starts it, and returns once blob, queue and table answer.</summary>
    /// <exception cref="InvalidOperationException">Azurite could not be installed or did not come up.</exception>
    public static async Task<AzuriteServer> StartAsync(AzuriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AzuriteOptions();
        var root = options.RepositoryRoot ?? RepositoryRoot.Find();
        await AzuriteInstaller.EnsureInstalledAsync(root, options.InstallTimeout, cancellationToken).ConfigureAwait(false);
        if (options.Location is not null)
        {
            Directory.CreateDirectory(options.Location);
        }

        string? lastFailure = null;
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var ports = FreePorts.Take(3);
            var endpoints = new AzuriteEndpoints(ports[0], ports[1], ports[2]);
            var server = Launch(root, endpoints, options.Location);
            try
            {
                await server.WaitUntilReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch (InvalidOperationException ex)
            {
                // Most often a port was taken between our probe and Azurite's bind: pick new ones.
                lastFailure = ex.Message;
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"Azurite did not start after {StartAttempts} attempts: {lastFailure}");
    }

    private static AzuriteServer Launch(string root, AzuriteEndpoints endpoints, string? location)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AZURITE_MAIN"] = AzuriteInstaller.MainScript(root);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "azurite-supervised.js"));
        foreach (var (service, port) in new[] { ("blob", endpoints.BlobPort), ("queue", endpoints.QueuePort), ("table", endpoints.TablePort) })
        {
            start.ArgumentList.Add($"--{service}Host");
            start.ArgumentList.Add("127.0.0.1");
            start.ArgumentList.Add($"--{service}Port");
            start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // No telemetry (no network here), quiet access log, and tolerant of newer SDK API versions.
        foreach (var flag in new[] { "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry" })
        {
            start.ArgumentList.Add(flag);
        }

        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node: is Node.js installed and on PATH?");
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Remember(output, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AzuriteServer(process, endpoints, output);
    }

    private static void Remember(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 50 && output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        var pending = Endpoints.ServiceUris.ToList();
        while (pending.Count > 0)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}: {string.Join(" | ", _output)}");
            }

            if (deadline.Elapsed > timeout)
            {
                throw new InvalidOperationException($"Azurite did not answer on {string.Join(", ", pending)} within {timeout}: {string.Join(" | ", _output)}");
            }

            foreach (var uri in pending.ToArray())
            {
                try
                {
                    // Any HTTP answer (even 400 for the bare account URL) means the service is listening.
                    using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
                    pending.Remove(uri);
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Stops the emulator process this instance started (and nothing else): SIGTERM, which Azurite answers by
    /// saving its metadata (it otherwise saves only every 5 s), then a kill if it does not exit within 10 s.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await GracefulStop.StopAsync(_process, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }
}
