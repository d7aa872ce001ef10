using System.Diagnostics;
using System.Net.Sockets;
using Azure;
using Backfill.Storage.Health;
using Backfill.Workflows.Hosting;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>
/// The one mapping from an exception a handler let escape to its HTTP answer, used by both hosts (the local host's
/// exception handler, the Functions app's middleware): storage that did not answer is a 503 naming the service, a
/// request ASP.NET could not read is a 4xx, and anything else is a bug: 500 with a trace id.
/// </summary>
public static class ApiFailures
{
    /// <summary>The answer to <paramref name="exception"/>, raised while serving <paramref name="context"/>.</summary>
    public static IResult ToResult(Exception exception, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        if (FindStorageOutage(exception) is { } outage)
        {
            return Problems.StorageUnavailable(outage.Service, outage.Detail);
        }

        if (exception is BadHttpRequestException bad)
        {
            return Results.Problem(bad.Message, statusCode: bad.StatusCode, title: "The request could not be read.");
        }

        return Problems.Unexpected(Activity.Current?.Id ?? context.TraceIdentifier);
    }

    /// <summary>The storage service that did not answer, when that is what <paramref name="exception"/> says; else null.</summary>
    public static StorageOutage? FindStorageOutage(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var failure in Chain(exception))
        {
            if (failure is RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded } rpc)
            {
                return new StorageOutage(StorageServices.TaskHub, rpc.Status.Detail);
            }

            if (failure.Data[StorageServiceTag.DataKey] is string service && Chain(failure).FirstOrDefault(IsOutage) is { } cause)
            {
                return new StorageOutage(service, cause.Message);
            }
        }

        return null;
    }

    // Transport failures, timeouts, and the service's own 5xx (busy, internal error) or 408; never a 4xx, which is
    // a mistake in the request or in our code.
    private static bool IsOutage(Exception exception) => exception switch
    {
        RequestFailedException rfe => rfe.Status is 0 or 408 or >= 500,
        HttpRequestException or SocketException or IOException or TimeoutException or OperationCanceledException => true,
        _ => false,
    };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
