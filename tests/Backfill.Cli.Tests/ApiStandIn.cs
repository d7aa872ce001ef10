using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Backfill.Cli.Tests;

/// <summary>
/// A real loopback HTTP server that plays the API for the CLI: it answers its scripted answers in order and records
/// each request (method, path and query, body), so a test sees exactly what the CLI sent over the wire.
/// </summary>
internal sealed class ApiStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ApiStandInRequest> _requests = new();

    private ApiStandIn(IReadOnlyList<ApiStandInAnswer> answers)
    {
        Url = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        Served = Task.Run(() => ServeAsync(answers));
    }

    public string Url { get; }

    /// <summary>Completes once every scripted answer has been given.</summary>
    public Task Served { get; }

    public IReadOnlyList<ApiStandInRequest> Requests => [.. _requests];

    public static ApiStandIn Start(params ApiStandInAnswer[] answers) => new(answers);

    public void Dispose() => _listener.Close();

    private async Task ServeAsync(IReadOnlyList<ApiStandInAnswer> answers)
    {
        foreach (var answer in answers)
        {
            var context = await _listener.GetContextAsync();
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                _requests.Enqueue(new ApiStandInRequest(context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, await reader.ReadToEndAsync()));
            }

            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.Status >= 400 ? "application/problem+json" : "application/json";
            if (answer.Status == 503)
            {
                context.Response.AddHeader("Retry-After", "10");
            }

            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(answer.Body));
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
