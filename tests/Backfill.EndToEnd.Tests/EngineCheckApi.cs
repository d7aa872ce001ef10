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

    /// <summary>
    /// Polls the status route until the check reaches <paramref name="until"/> or a terminal status. Past the
    /// deadline it fails with the last status and the host's own output, so a CI failure can be diagnosed.
    /// </summary>
    public static async Task<EngineCheckStatus> WaitAsync(Func<LocalHostProcess> host, string instanceId, TimeSpan timeout, string until = "Completed")
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        string[] terminal = ["Completed", "Failed", "Terminated"];
        var last = "no answer yet";
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                var status = await host().ReadJsonAsync<EngineCheckStatus>($"api/engine-check/{instanceId}");
                if (status.RuntimeStatus == until || terminal.Contains(status.RuntimeStatus))
                {
                    return status;
                }

                last = status.RuntimeStatus;
            }
            catch (HttpRequestException e)
            {
                // The host may be restarting; keep polling until the deadline.
                last = e.Message;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException(
            $"Engine check {instanceId} not {until} after {timeout} (last: {last}). The host's last output:{Environment.NewLine}{string.Join(Environment.NewLine, host().Output.Split(Environment.NewLine).TakeLast(200))}");
    }
}
