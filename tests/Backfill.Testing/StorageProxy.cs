using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Backfill.Azurite;

namespace Backfill.Testing;

/// <summary>
/// A TCP proxy on loopback ports in front of a real emulator's blob, queue and table ports, which a test switches
/// between up, down and hanging (<see cref="StorageProxyMode"/>) under clients that keep their connection string.
/// A switch drops every open connection, so no pooled connection carries on in the old mode.
/// </summary>
public sealed class StorageProxy : IAsyncDisposable
{
    private readonly List<TcpListener> _listeners = [];
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _accepting = [];
    private volatile StorageProxyMode _mode;

    private StorageProxy(AzuriteEndpoints target, StorageProxyMode mode)
    {
        _mode = mode;
        var ports = new List<int>();
        foreach (var targetPort in new[] { target.BlobPort, target.QueuePort, target.TablePort })
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            _listeners.Add(listener);
            ports.Add(((IPEndPoint)listener.LocalEndpoint).Port);
            _accepting.Add(AcceptAsync(listener, targetPort));
        }

        Endpoints = new AzuriteEndpoints(ports[0], ports[1], ports[2]);
    }

    /// <summary>The proxy's ports: give clients this connection string.</summary>
    public AzuriteEndpoints Endpoints { get; }

    /// <summary>What the proxy does now; setting it drops every open connection.</summary>
    public StorageProxyMode Mode
    {
        get => _mode;
        set
        {
            _mode = value;
            foreach (var client in _open.Keys)
            {
                Drop(client);
            }
        }
    }

    /// <summary>Starts a proxy in front of <paramref name="target"/>.</summary>
    public static StorageProxy Start(AzuriteEndpoints target, StorageProxyMode mode = StorageProxyMode.Forward) => new(target, mode);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var listener in _listeners)
        {
            listener.Stop();
        }

        foreach (var client in _open.Keys)
        {
            Drop(client);
        }

        await Task.WhenAll(_accepting);
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, int targetPort)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            switch (_mode)
            {
                case StorageProxyMode.Refuse:
                    Drop(client);
                    break;
                case StorageProxyMode.Hold:
                    _open[client] = 0;
                    break;
                default:
                    _open[client] = 0;
                    _ = ForwardAsync(client, targetPort);
                    break;
            }
        }
    }

    private async Task ForwardAsync(TcpClient client, int targetPort)
    {
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, targetPort, _stop.Token);
            _open[upstream] = 0;
            var down = client.GetStream();
            var up = upstream.GetStream();
            // Either side closing (or a mode switch dropping them) ends both directions.
            await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection was dropped: that is how the proxy fails a request on purpose.
        }
        finally
        {
            Drop(upstream);
            Drop(client);
        }
    }

    // A reset, not a graceful close: the client sees the connection fail, as with storage that went away.
    private void Drop(TcpClient client)
    {
        _open.TryRemove(client, out _);
        try
        {
            // Null once disposed: a connection can be dropped both by a mode switch and by its own forwarding ending.
            client.Client?.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        client.Dispose();
    }
}
