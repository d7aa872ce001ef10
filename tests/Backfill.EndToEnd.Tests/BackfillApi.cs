using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;
using Backfill.Workflows.Api;
using Backfill.Workflows.Models;

namespace Backfill.EndToEnd.Tests;

/// <summary>Seeds landing events and drives backfills through the public HTTP API, as a user would.</summary>
internal static class BackfillApi
{
    public static bool IsFinished(BackfillView view) =>
        view.Status is BackfillStatus.Completed or BackfillStatus.CompletedWithFailures or BackfillStatus.Failed or BackfillStatus.Canceled or BackfillStatus.Rejected;

    public static async Task SeedLandingAsync(string connectionString, PartitionKey first, int days, int eventsPerDay = 400, int seed = 20250101, string batch = "seed", LakeOptions? options = null)
    {
        var lake = new LakeStorage(new BlobServiceClient(connectionString), new TableServiceClient(connectionString), options ?? new LakeOptions(), TimeProvider.System);
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

    public static async Task<string> StartAsync(LocalHostProcess host, object body)
    {
        var (status, text) = await PostAsync(host, "api/backfills", body);
        Assert.True(status == HttpStatusCode.Accepted, $"POST /api/backfills answered {status}: {text}");
        return System.Text.Json.JsonSerializer.Deserialize<BackfillAccepted>(text, ApiJson.Options)!.Id;
    }

    public static Task<BackfillView> GetAsync(LocalHostProcess host, string id) =>
        host.Http.GetFromJsonAsync<BackfillView>($"api/backfills/{id}", ApiJson.Options, TestContext.Current.CancellationToken)!;

    public static Task<BackfillView> WaitAsync(LocalHostProcess host, string id, Func<BackfillView, bool>? until = null, TimeSpan? timeout = null) =>
        HostPoll.UntilAsync(() => host, $"backfill {id}", () => GetAsync(host, id), until ?? IsFinished, timeout);
}
