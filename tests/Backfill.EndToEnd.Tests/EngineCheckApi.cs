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
    public static Task<EngineCheckStatus> WaitAsync(Func<LocalHostProcess> host, string instanceId, TimeSpan timeout, string until = "Completed") =>
        HostPoll.UntilAsync(
            host,
            $"engine check {instanceId} ({until})",
            () => host().ReadJsonAsync<EngineCheckStatus>($"api/engine-check/{instanceId}"),
            status => status.RuntimeStatus == until || status.RuntimeStatus is "Completed" or "Failed" or "Terminated",
            timeout);
}
