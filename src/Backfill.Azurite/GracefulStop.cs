using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Backfill.Azurite;

/// <summary>
/// Stops a child process the way Ctrl+C would: SIGTERM, then a bounded wait for it to exit on its own (a host
/// drains its work and stops its Azurite, which saves its data), and only then a kill of that process alone,
/// never of its tree (an Azurite child stops itself, gracefully, when its parent's pipe closes).
/// </summary>
public static partial class GracefulStop
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM and waits up to <paramref name="grace"/>; kills the process alone if it is still running.</summary>
    /// <returns>True when the process exited within the grace period; false when it had to be killed.</returns>
    public static async Task<bool> StopAsync(Process process, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.HasExited)
        {
            return true;
        }

        // No signals on Windows: there the kill below is the stop (an Azurite child still stops itself gracefully).
        if (!OperatingSystem.IsWindows() && Kill(process.Id, SigTerm) == 0)
        {
            using var wait = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException)
            {
            }
        }

        try
        {
            process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        return false;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
