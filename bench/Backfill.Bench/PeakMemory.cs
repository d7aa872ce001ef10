using System.Globalization;

namespace Backfill.Bench;

/// <summary>
/// Resident memory from Linux /proc: the peak (VmHWM) is reset to the current size through /proc/self/clear_refs
/// before a phase, so peak − start is what the phase itself added, native (DuckDB) memory included.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Collects garbage, resets the peak and returns the resident bytes the phase starts from.</summary>
    public static long? Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        File.WriteAllText("/proc/self/clear_refs", "5");
        return Read("VmRSS:");
    }

    /// <summary>The peak resident bytes since the last reset.</summary>
    public static long? Peak() => OperatingSystem.IsLinux() ? Read("VmHWM:") : null;

    private static long? Read(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null
            ? null
            : long.Parse(line[key.Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
    }
}
