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
    private readonly bool answers;
    private readonly HttpListener listener = new();
    private readonly List<JsonElement> bodies = [];
    private readonly SemaphoreSlim received = new(0);

    public WebhookListener(bool answers = true)
    {
        this.answers = answers;
        Url = $"http://127.0.0.1:{FreePort()}/hook/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public static string DeadUrl => $"http://127.0.0.1:{FreePort()}/hook/";

    /// <summary>The POSTs received so far (each is recorded before it is answered).</summary>
    public int Count
    {
        get
        {
            lock (bodies)
            {
                return bodies.Count;
            }
        }
    }

    public async Task<JsonElement> NextAsync(TimeSpan timeout)
    {
        Assert.True(await received.WaitAsync(timeout), "the webhook received no POST");
        lock (bodies)
        {
            return bodies[^1];
        }
    }

    public void Dispose()
    {
        listener.Close();
        received.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var document = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                lock (bodies)
                {
                    bodies.Add(document.RootElement.Clone());
                }
            }

            received.Release();
            if (answers)
            {
                context.Response.StatusCode = context.Request.HttpMethod == "POST" ? 204 : 405;
                context.Response.Close();
            }
        }
    }
}
