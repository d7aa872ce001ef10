using System.Net;
using System.Net.Sockets;

namespace Backfill.Azurite;

/// <summary>Picks loopback ports the OS reports free right now (for emulators and test hosts).</summary>
public static class FreePorts
{
    /// <summary>Returns <paramref name="count"/> distinct loopback ports that were free when asked.</summary>
    /// <remarks>
    /// Holding all listeners until every port is chosen makes the ports distinct; another process
    /// can still take one before the caller binds it, so callers retry on a bind failure.
    /// </remarks>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
