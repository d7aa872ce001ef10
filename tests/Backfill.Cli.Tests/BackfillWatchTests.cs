using System.Net;
using System.Net.Sockets;
using System.Text;
using Backfill.Testing;

namespace Backfill.Cli.Tests;

/// <summary>
/// <c>backfill watch</c> against a real loopback HTTP server that plays the API: a storage blip (503) while the
/// backfill runs on must not end the watch.
/// </summary>
public sealed class BackfillWatchTests
{
    private const string Finished = """
        {"id":"bf-1","status":"Completed","request":{"target":"features_v1","partitions":"2025-01-01"},"maxParallel":1,
         "counts":{"total":3,"pending":0,"running":0,"succeeded":3,"skipped":0,"failed":0,"blocked":0,"waiting":0},
         "etaSeconds":null,"reason":null,"items":[]}
        """;

    private const string Unavailable = """
        {"type":"about:blank","title":"Storage unavailable","status":503,"detail":"Storage (durable task hub) did not answer.","service":"durable task hub"}
        """;

    [Fact]
    public async Task Watch_StorageUnavailableOnce_RetriesAndEndsWithTheBackfill()
    {
        using var api = new HttpListener();
        var url = $"http://127.0.0.1:{FreePort()}/";
        api.Prefixes.Add(url);
        api.Start();
        var served = Task.Run(async () =>
        {
            var asked = 0;
            while (asked < 2)
            {
                var context = await api.GetContextAsync();
                var first = asked++ == 0;
                context.Response.StatusCode = first ? 503 : 200;
                context.Response.ContentType = first ? "application/problem+json" : "application/json";
                if (first)
                {
                    context.Response.AddHeader("Retry-After", "10");
                }

                var body = Encoding.UTF8.GetBytes(first ? Unavailable : Finished);
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("watch", "bf-1", "--no-progress", "--api", url);
        await served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        Assert.Contains("storage unavailable, retrying", run.Output, StringComparison.Ordinal);
        Assert.Contains("Completed", run.Output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
