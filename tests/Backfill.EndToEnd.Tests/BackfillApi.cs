using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Workflows.Api;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;

namespace Backfill.EndToEnd.Tests;

/// <summary>Seeds landing events and drives backfills through the public HTTP API, as a user would.</summary>
internal static class BackfillApi
{
    public static bool IsFinished(BackfillView view) =>
        view.Status is BackfillStatus.Completed or BackfillStatus.CompletedWithFailures or BackfillStatus.Failed or BackfillStatus.Canceled or BackfillStatus.Rejected;

    public static async Task SeedLandingAsync(string connectionString, Day first, int days, int eventsPerDay = 400, int seed = 20250101, string batch = "seed", LakeSettings? options = null)
    {
        var lake = new LakeStorage(new BlobServiceClient(connectionString), new TableServiceClient(connectionString), options ?? new LakeSettings(), TimeProvider.System);
        await lake.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var generator = new EventGenerator(new EventGeneratorOptions { EventsPerDay = eventsPerDay, EntityCount = 60, Seed = seed });
        var writer = new LandingWriter(lake);
        for (var day = first; day <= first.AddDays(days - 1); day = day.AddDays(1))
        {
            await writer.WriteAsync($"{batch}-{day}", generator.Generate(day.Date), TestContext.Current.CancellationToken);
        }
    }

    public static async Task<(HttpStatusCode Status, string Body)> PostAsync(LocalHostProcess host, string path, object body)
    {
        using var response = await host.Http.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// <c>POST /api/backfills</c> as a careful client sends it: with an idempotency key (unless the body has one, or is a
    /// dry run), so a 503 (the shared Azurite too slow for the start on a loaded machine; the API says retry) is retried
    /// within the poll deadline without ever starting twice.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Body)> PostBackfillAsync(LocalHostProcess host, object body)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        if (!json.ContainsKey("dryRun"))
        {
            json.TryAdd("idempotencyKey", Guid.NewGuid().ToString("N"));
        }

        return await HostPoll.UntilAsync(
            () => host,
            "POST /api/backfills answered other than 503",
            () => PostAsync(host, "api/backfills", json),
            answer => answer.Status != HttpStatusCode.ServiceUnavailable,
            interval: TimeSpan.FromSeconds(10));
    }

    public static async Task<string> StartAsync(LocalHostProcess host, object body)
    {
        var (status, text) = await PostBackfillAsync(host, body);
        Assert.True(status == HttpStatusCode.Accepted, $"POST /api/backfills answered {status}: {text}");
        return System.Text.Json.JsonSerializer.Deserialize<BackfillAccepted>(text, ApiJson.Options)!.Id;
    }

    public static Task<BackfillView> GetAsync(LocalHostProcess host, string id) =>
        host.Http.GetFromJsonAsync<BackfillView>($"api/backfills/{id}", ApiJson.Options, TestContext.Current.CancellationToken)!;

    public static Task<BackfillView> WaitAsync(LocalHostProcess host, string id, Func<BackfillView, bool>? until = null, TimeSpan? timeout = null) =>
        HostPoll.UntilAsync(() => host, $"backfill {id} {(until is null ? "finished" : "in the state asked for")}", () => GetAsync(host, id), until ?? IsFinished, timeout);
}
