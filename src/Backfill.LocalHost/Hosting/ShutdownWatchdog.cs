using Microsoft.Extensions.Options;

namespace Backfill.LocalHost.Hosting;

/// <summary>
/// Holds the host to <see cref="ShutdownSettings.ShutdownDeadline"/>: from the moment a stop begins, a timer
/// that ends the process if it is still running then. Without it a host whose storage is gone hung in its
/// engine's stop (still running a minute after SIGTERM), and a container orchestrator would SIGKILL it.
/// </summary>
internal sealed class ShutdownWatchdog(
    IHostApplicationLifetime lifetime, IOptions<ShutdownSettings> settings, TimeProvider time, ILogger<ShutdownWatchdog> logger) : IHostedService, IDisposable
{
    /// <summary>The exit code of a stop that missed its deadline.</summary>
    public const int MissedDeadlineExitCode = 1;

    private const double ExitAtShare = 0.9;

    private ITimer? _timer;
    private CancellationTokenRegistration _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = settings.Value.ShutdownDeadline;
        // The exit itself takes a moment (a second on a busy machine): start it early enough to end by the deadline.
        var exitAt = deadline * ExitAtShare;
        _stopping = lifetime.ApplicationStopping.Register(() =>
            _timer = time.CreateTimer(_ => Expire(deadline), null, exitAt, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _stopping.Dispose();
        _timer?.Dispose();
    }

    private void Expire(TimeSpan deadline)
    {
        Log.ShutdownDeadlineMissed(logger, deadline);
        // Straight to stderr too: the logger's queue may not be written before the process ends.
        Console.Error.WriteLine($"The host did not stop within Host:ShutdownDeadline ({deadline}); exiting.");
        Environment.Exit(MissedDeadlineExitCode);
    }
}
