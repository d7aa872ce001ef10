using System.Text;
using System.Text.Json;
using Backfill.Storage.Alerts;
using Backfill.Storage.Commits;
using Backfill.Storage.Lineage;
using Backfill.Storage.Reading;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Json;
using Backfill.Workflows.Pipeline;
using Backfill.Workflows.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.Workflows.Tests.Api;

/// <summary>The partition rollback route on a real lake: the manifest, lineage and alert, and every refusal as problem details.</summary>
public sealed class PartitionRollbackHandlerTests(AzuriteFixture azurite)
{
    private static readonly string Date = RawLake.Day.ToString();

    [Fact]
    public async Task RollbackAsync_EarlierCommit_LiveAgainLineageRolledBackAndAlerted()
    {
        var (raw, handler) = await SetUpAsync();
        var first = await raw.CommitAsync(26, PassingValidator.Instance);
        var second = await raw.CommitAsync(24 * 8, PassingValidator.Instance);

        var (status, body, _) = await SendAsync(handler.RollbackAsync(Request($$"""{"toCommit":"{{first.Commit.CommitId}}"}"""), "raw", Date));

        Assert.Equal(StatusCodes.Status200OK, status);
        var view = JsonSerializer.Deserialize<PartitionRollbackView>(body, ApiJson.Options)!;
        Assert.Equal(first.Commit.CommitId, view.CommitId);
        Assert.Equal([second.Commit.CommitId], view.RolledBack);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(first.Commit.CommitId, (await new PartitionReader(raw.Lake).GetLiveCommitAsync("raw", RawLake.Day, ct))!.CommitId);
        Assert.Equal(CommitStatus.RolledBack, (await new LineageStore(raw.Lake).GetAsync("raw", RawLake.Day, second.Commit.CommitId, ct))!.Status);
        var alert = await Alerting.SingleOfRunAsync(azurite, view.RunId);
        Assert.Equal((AlertSeverity.Warning, "partition_rollback", "raw", Date), (alert.Severity, alert.Kind, alert.Dataset, alert.Partition));
    }

    [Fact]
    public async Task RollbackAsync_BadRequests_AreProblemDetails()
    {
        var (raw, handler) = await SetUpAsync();
        var live = await raw.CommitAsync(26, PassingValidator.Instance);

        var unknownDataset = await SendAsync(handler.RollbackAsync(Request("""{"toCommit":"x"}"""), "features_v9", Date));
        var badDate = await SendAsync(handler.RollbackAsync(Request("""{"toCommit":"x"}"""), "raw", "2025-02-30"));
        var noCommit = await SendAsync(handler.RollbackAsync(Request("{}"), "raw", Date));
        var unknownCommit = await SendAsync(handler.RollbackAsync(Request("""{"toCommit":"nope"}"""), "raw", Date));
        var noPartition = await SendAsync(handler.RollbackAsync(Request("""{"toCommit":"nope"}"""), "staging", Date));
        var alreadyLive = await SendAsync(handler.RollbackAsync(Request($$"""{"toCommit":"{{live.Commit.CommitId}}"}"""), "raw", Date));

        Assert.Equal(StatusCodes.Status404NotFound, unknownDataset.Status);
        Assert.Equal(StatusCodes.Status400BadRequest, badDate.Status);
        Assert.Contains("\"date\"", badDate.Body, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status400BadRequest, noCommit.Status);
        Assert.Contains("\"toCommit\"", noCommit.Body, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status404NotFound, unknownCommit.Status);
        Assert.Contains("toCommit 'nope'", unknownCommit.Body, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status404NotFound, noPartition.Status);
        Assert.Equal(StatusCodes.Status409Conflict, alreadyLive.Status);
        Assert.All([unknownDataset, badDate, noCommit, unknownCommit, noPartition, alreadyLive], r => Assert.Equal("application/problem+json", r.ContentType));
    }

    private async Task<(RawLake Raw, PartitionRollbackHandler Handler)> SetUpAsync()
    {
        var raw = await RawLake.CreateAsync(azurite, TimeProvider.System);
        return (raw, new PartitionRollbackHandler(new LakeReady(raw.Lake), Alerting.Raiser(azurite, null).Raiser));
    }

    private static HttpRequest Request(string json)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        context.Request.ContentLength = context.Request.Body.Length;
        context.Request.ContentType = "application/json";
        return context.Request;
    }

    private static async Task<(int Status, string Body, string? ContentType)> SendAsync(Task<IResult> pending)
    {
        var result = await pending;
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken),
            context.Response.ContentType?.Split(';')[0]);
    }
}
