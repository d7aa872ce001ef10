using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Backfill.Azurite;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>The built local host run as its own OS process, so tests can kill it for real.</summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    // Longer than the host's own shutdown deadline (Host:ShutdownDeadline, default 30 s), which it keeps even when
    // storage is gone: past this, something is wrong with the host and it is killed (alone).
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private LocalHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        // Longer than any route waits on purpose (a flip waits up to 60 s for its run before answering 202).
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the host and returns once <c>/api/health</c> says healthy.</summary>
    public static async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string? workingDirectory = null)
    {
        var host = Launch(settings, FreePorts.Take(1)[0], workingDirectory);
        // Generous: on a loaded 2-core CI machine the emulator can miss the health probe's 4 s for a minute or more.
        await host.WaitHealthyAsync(TimeSpan.FromMinutes(4));
        return host;
    }

    /// <summary>Starts the host listening on <paramref name="port"/> and returns at once, healthy or not.</summary>
    public static LocalHostProcess Launch(IReadOnlyDictionary<string, string> settings, int port, string? workingDirectory = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var dll = RepositoryPaths.Combine($"src/Backfill.LocalHost/bin/{DotNetCli.Configuration}/net10.0/Backfill.LocalHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Directory.CreateTempSubdirectory("localhost-cwd-").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        // Tests drive the daily run through asOf; a timer firing at the wall clock's 02:00 would be a surprise run.
        start.Environment["Daily__TimerEnabled"] = "false";
        // The tests share one machine's cores with the emulators: a slow but working Azurite must not turn a request
        // into a false 503. The default (8 s) against hung storage is held in-process (LocalHost.Tests' StorageHangTests).
        start.Environment["Storage__ApiCallTimeout"] = AzuriteFixture.SlowCallTimeout;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new LocalHostProcess(Process.Start(start)!, baseAddress);
    }

    /// <summary>Waits for the host to exit by itself; false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            // The exit can come before the last redirected lines are read.
            await _process.WaitForExitAsync(CancellationToken.None);
            return true;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Settings for a host on its own task hub and its own lake (container and lineage table) over the shared
    /// Azurite, so tests running in parallel never see each other's landing files or commits.
    /// </summary>
    public static Dictionary<string, string> OwnLake(string connectionString, string name)
    {
        var id = name + Guid.NewGuid().ToString("N")[..12];
        return new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["TaskHubName"] = id,
            ["Lake:ContainerName"] = "lake-" + id,
            ["Lake:LineageTableName"] = "lineage" + id,
        };
    }

    /// <summary>
    /// SIGKILL of the host alone: no shutdown code runs, exactly like a crashed host. Never the tree: an Azurite child
    /// killed with it would lose up to its last 5 s of metadata.
    /// </summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as Ctrl+C or a container stop sends it; returns once the host has exited (or was killed after <see cref="StopGrace"/>).</summary>
    /// <returns>True when the host exited by itself within the grace period.</returns>
    public Task<bool> StopAsync() => GracefulStop.StopAsync(_process, StopGrace);

    /// <summary>The host's exit code, once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    public async Task<T> ReadJsonAsync<T>(string path)
    {
        var value = await Http.GetFromJsonAsync<T>(path, TestContext.Current.CancellationToken);
        return value ?? throw new InvalidOperationException($"GET {path} returned null.");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StopAsync();
        _process.Dispose();
    }

    private Task<HttpStatusCode> WaitHealthyAsync(TimeSpan timeout) =>
        Eventually.UntilAsync(
            $"the local host at {BaseAddress} to answer /api/health with success",
            async cancellationToken =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Local host exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
                }

                using var response = await Http.GetAsync("api/health", cancellationToken);
                return response.StatusCode;
            },
            status => (int)status is >= 200 and < 300,
            timeout,
            TimeSpan.FromMilliseconds(250),
            // Not listening yet, or one probe outlived the client's timeout on a loaded machine.
            retryOn: e => e is HttpRequestException || (e is TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested),
            diagnostics: () => "The host's output:" + Environment.NewLine + Output);

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }
}
