using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Microsoft.AspNetCore.Diagnostics;

namespace Backfill.LocalHost.Hosting;

/// <summary>The local host's side of the shared failure mapping (<see cref="ApiFailures"/>); the Functions app has its middleware.</summary>
internal static class ApiFailureHandling
{
    /// <summary>Answers escaped exceptions as problem details, and bounds every request's storage calls.</summary>
    public static void UseApiFailureHandling(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()!.Error;
                return ApiFailures.ToResult(error, context).ExecuteAsync(context);
            },
        });
        app.Use(async (context, next) =>
        {
            using var scope = ApiCallScope.Begin();
            await next(context).ConfigureAwait(false);
        });
    }
}
