using System.Net;
using System.Net.Sockets;

namespace Backfill.Azurite;

/// <summary>Picks loopback ports the OS reports free right now.</summary>
internal static class FreePorts
{
    /// <summary>
    /// Holding all listeners until every port is chosen makes the ports distinct; another process
    /// can still take one before Azurite binds it, which the caller handles by retrying.
    /// </summary>
    internal static int[] Take(int count)
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
