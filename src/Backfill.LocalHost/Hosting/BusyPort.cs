using System.Net;
using System.Net.Sockets;

namespace Backfill.LocalHost.Hosting;

/// <summary>
/// Finds a port of the host's listen addresses that something else already holds, before anything starts, so a
/// second host (or another app on 7071) gets one line naming the port and the setting, not Kestrel's stack trace.
/// </summary>
internal static class BusyPort
{
    /// <summary>The exit code of a host that could not listen: a setting to change, like any other usage error.</summary>
    public const int ExitCode = 2;

    /// <summary>The one line to print when <paramref name="address"/> is taken.</summary>
    public static string Message(string address) =>
        $"Cannot listen on {address}: the port is in use. Set --urls (or ASPNETCORE_URLS) to a free address, e.g. --urls http://127.0.0.1:7072.";

    /// <summary>The first address of <paramref name="urls"/> (semicolon-separated) whose port is taken; null when all are free.</summary>
    public static string? Find(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var address = BindingAddress.Parse(url);
            if (address.Port > 0 && IsTaken(Ip(address.Host), address.Port))
            {
                return url;
            }
        }

        return null;
    }

    private static IPAddress Ip(string host) =>
        host is "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var ip) ? ip : IPAddress.Any;

    private static bool IsTaken(IPAddress ip, int port)
    {
        var probe = new TcpListener(ip, port);
        try
        {
            probe.Start();
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Not ours to judge (an address this machine lacks, say): Kestrel reports it.
            return false;
        }
        finally
        {
            probe.Stop();
        }
    }
}
