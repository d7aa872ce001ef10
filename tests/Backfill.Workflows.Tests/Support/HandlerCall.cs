using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.Workflows.Tests.Support;

/// <summary>Calls a shared HTTP handler in-process and reads what the host would send: status and JSON body.</summary>
internal static class HandlerCall
{
    /// <summary>A GET request to <c>http://lake.test</c> with the query, e.g. <c>?limit=1</c>.</summary>
    public static HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("lake.test");
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    /// <summary>Executes the handler's result as the host would, problem details included.</summary>
    public static async Task<(int Status, JsonElement Body)> SendAsync(Task<IResult> pending)
    {
        var result = await pending;
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var output = new MemoryStream();
        context.Response.Body = output;
        await result.ExecuteAsync(context);
        output.Position = 0;
        using var document = await JsonDocument.ParseAsync(output, cancellationToken: TestContext.Current.CancellationToken);
        return (context.Response.StatusCode, document.RootElement.Clone());
    }
}
