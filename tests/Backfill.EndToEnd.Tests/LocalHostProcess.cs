using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Backfill.Azurite;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>The built local host run as its own OS process, so tests can kill it for real.</summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
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
        var port = FreePorts.Take(1)[0];
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
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = new LocalHostProcess(Process.Start(start)!, baseAddress);
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return host;
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

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crashed machine.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task<T> ReadJsonAsync<T>(string path)
    {
        var value = await Http.GetFromJsonAsync<T>(path, TestContext.Current.CancellationToken);
        return value ?? throw new InvalidOperationException($"GET {path} returned null.");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            // SIGTERM first: the graceful path a user's Ctrl+C takes.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        while (!deadline.IsCancellationRequested)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Local host exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("api/health", deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                break;
            }

            await Task.Delay(250, CancellationToken.None);
        }

        throw new TimeoutException($"Local host not healthy after {timeout}:{Environment.NewLine}{Output}");
    }

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
