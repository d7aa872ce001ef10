using System.Diagnostics;

namespace Backfill.Azurite;

/// <summary>Installs Azurite from the lockfile (<c>npm ci</c>) when node_modules lacks it.</summary>
internal static class AzuriteInstaller
{
    internal static string MainScript(string root) =>
        Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>
    /// Test assemblies start in parallel and each may find Azurite missing; a lock file serialises
    /// the install so two <c>npm ci</c> runs never delete each other's node_modules.
    /// </summary>
    internal static async Task EnsureInstalledAsync(string root, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (File.Exists(MainScript(root)))
        {
            return;
        }

        var lockDir = Path.Combine(root, ".data");
        Directory.CreateDirectory(lockDir);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        await using var gate = await AcquireAsync(Path.Combine(lockDir, "npm-install.lock"), deadline.Token).ConfigureAwait(false);
        if (File.Exists(MainScript(root)))
        {
            return;
        }

        // npm gets a stdin of its own, closed at once. Node switches an inherited stdin to non-blocking, and the
        // file is shared, so for the whole install this process's own reads of stdin would fail (EAGAIN): a
        // test runner that takes commands on stdin lost its channel that way.
        var npm = new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm: is Node.js installed and on PATH?");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        _ = process.StandardOutput.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // An abandoned npm would go on writing node_modules under the next attempt (or a folder being deleted).
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"'npm ci' in {root} did not finish within {timeout}; it was stopped. Run it by hand to see why.");
        }

        if (process.ExitCode != 0 || !File.Exists(MainScript(root)))
        {
            throw new InvalidOperationException(
                $"'npm ci' in {root} exited with {process.ExitCode} and Azurite is not installed: {await stderr.ConfigureAwait(false)}");
        }
    }

    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
