using System.Net;
using System.Net.Http.Json;
using Backfill.Workflows.Api;

namespace Backfill.EndToEnd.Tests;

/// <summary>Drives engine checks through the public HTTP API, as an operator would.</summary>
internal static class EngineCheckApi
{
    public static async Task<string> StartAsync(LocalHostProcess host, int items, int maxParallel, int workMilliseconds)
    {
        using var response = await host.Http.PostAsJsonAsync(
            "api/engine-check", new { items, maxParallel, workMilliseconds }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<EngineCheckStatus>(TestContext.Current.CancellationToken);
        return accepted!.InstanceId;
    }

    /// <summary>Polls the status route until the check reaches <paramref name="until"/> or a terminal status.</summary>
    public static async Task<EngineCheckStatus> WaitAsync(Func<LocalHostProcess> host, string instanceId, TimeSpan timeout, string until = "Completed")
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        string[] terminal = ["Completed", "Failed", "Terminated"];
        while (true)
        {
            try
            {
                var status = await host().ReadJsonAsync<EngineCheckStatus>($"api/engine-check/{instanceId}");
                if (status.RuntimeStatus == until || terminal.Contains(status.RuntimeStatus))
                {
                    return status;
                }
            }
            catch (HttpRequestException)
            {
                // The host may be restarting; keep polling until the deadline.
            }

            await Task.Delay(250, deadline.Token);
        }
    }
}
