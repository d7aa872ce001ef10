using System.Text.Json;
using Azure;
using Backfill.Azurite;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.Workflows.Tests.Api;

/// <summary>
/// The one exception-to-answer mapping both hosts use, fed real failures of the app's own storage clients: storage
/// that does not answer is a 503 naming the service, a storage 4xx is our bug (500 with a trace id), a request ASP.NET
/// could not read stays a 4xx.
/// </summary>
public sealed class ApiFailuresTests(AzuriteFixture azurite)
{
    // Port 1 on loopback: nothing listens there, so every call is refused at once.
    private static readonly StorageSettings Dead = new() { ConnectionString = new AzuriteEndpoints(1, 1, 1).ConnectionString };
    private static readonly TimeSpan Timeout = new StorageCallSettings().ApiCallTimeout;

    [Fact]
    public async Task ToResult_BlobRefusedDuringARequest_Is503NamingBlobWithRetryAfter()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var scope = ApiCallScope.Begin();
            await StorageClients.Blobs(Dead, Timeout).GetPropertiesAsync(TestContext.Current.CancellationToken);
        });

        var (status, headers, body) = await AnswerAsync(failure);

        Assert.Equal(503, status);
        Assert.Equal("blob", body.GetProperty("service").GetString());
        Assert.Equal(Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), headers.RetryAfter.ToString());
        Assert.Contains("Storage unavailable", body.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToResult_TableRefused_Is503NamingTable()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
            await StorageClients.Tables(Dead, Timeout).GetTableClient("nothere").GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r", cancellationToken: TestContext.Current.CancellationToken));

        var (status, _, body) = await AnswerAsync(failure);

        Assert.Equal(503, status);
        Assert.Equal("table", body.GetProperty("service").GetString());
    }

    [Fact]
    public async Task ToResult_StorageAnswered404_IsABug500WithTraceId()
    {
        var settings = new StorageSettings { ConnectionString = azurite.ConnectionString };
        var failure = await Assert.ThrowsAsync<RequestFailedException>(async () =>
            await StorageClients.Blobs(settings, Timeout).GetBlobContainerClient("missing-" + Guid.NewGuid().ToString("N")).GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken));

        var (status, _, body) = await AnswerAsync(failure);

        Assert.Equal(404, failure.Status);
        Assert.Equal(500, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task ToResult_DurableClientUnavailable_Is503NamingTheTaskHub()
    {
        var (status, _, body) = await AnswerAsync(new RpcException(new Status(StatusCode.Unavailable, "no connection to the host's task hub")));

        Assert.Equal(503, status);
        Assert.Equal("durable task hub", body.GetProperty("service").GetString());
    }

    [Fact]
    public async Task ToResult_UnreadableRequest_StaysItsOwn4xx()
    {
        var (status, _, _) = await AnswerAsync(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(413, status);
    }

    [Fact]
    public async Task ToResult_AnyOtherException_Is500WithTraceIdAndNoInternals()
    {
        var (status, _, body) = await AnswerAsync(new InvalidOperationException("secret internals"));

        Assert.Equal(500, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("secret internals", body.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(int Status, IHeaderDictionary Headers, JsonElement Body)> AnswerAsync(Exception exception)
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var output = new MemoryStream();
        context.Response.Body = output;

        await ApiFailures.ToResult(exception, context).ExecuteAsync(context);

        output.Position = 0;
        using var document = await JsonDocument.ParseAsync(output, cancellationToken: TestContext.Current.CancellationToken);
        return (context.Response.StatusCode, context.Response.Headers, document.RootElement.Clone());
    }
}
