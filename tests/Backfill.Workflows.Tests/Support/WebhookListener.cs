using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Backfill.Workflows.Tests.Support;

/// <summary>
/// A real HTTP endpoint on a free loopback port that records the JSON bodies POSTed to it; one made with
/// <c>answers: false</c> reads each request and never answers, like a hung receiver.
/// </summary>
internal sealed class WebhookListener : IDisposable
{
    private readonly bool _answers;
    private readonly HttpListener _listener = new();
    private readonly List<JsonElement> _bodies = [];
    private readonly SemaphoreSlim _received = new(0);

    public WebhookListener(bool answers = true)
    {
        _answers = answers;
        Url = $"http://127.0.0.1:{FreePort()}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public static string DeadUrl => $"http://127.0.0.1:{FreePort()}/hook/";

    /// <summary>The POSTs received so far (each is recorded before it is answered).</summary>
    public int Count
    {
        get
        {
            lock (_bodies)
            {
                return _bodies.Count;
            }
        }
    }

    public async Task<JsonElement> NextAsync(TimeSpan timeout)
    {
        Assert.True(await _received.WaitAsync(timeout), "the webhook received no POST");
        lock (_bodies)
        {
            return _bodies[^1];
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _received.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var document = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                lock (_bodies)
                {
                    _bodies.Add(document.RootElement.Clone());
                }
            }

            _received.Release();
            if (_answers)
            {
                context.Response.StatusCode = context.Request.HttpMethod == "POST" ? 204 : 405;
                context.Response.Close();
            }
        }
    }
}
