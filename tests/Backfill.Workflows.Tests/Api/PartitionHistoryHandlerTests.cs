using System.Text.Json;
using Backfill.Azurite;
using Backfill.Core.Lineage;
using Backfill.Core.Validation;
using Backfill.Core.Versioning;
using Backfill.Storage.Building;
using Backfill.Storage.Commits;
using Backfill.Storage.Layout;
using Backfill.Storage.Reading;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Pipeline;
using Backfill.Workflows.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Backfill.Workflows.Tests.Api;

/// <summary>
/// The partition history route on a real lake: staging of one day built, rebuilt from a changed raw (superseding the
/// first commit), then rebuilt under a config that fails validation (rejected), and every refusal as problem details.
/// </summary>
public sealed class PartitionHistoryHandlerTests(AzuriteFixture azurite)
{
    private static readonly string Date = RawLake.Day.ToString();

    private static readonly ValidationResult Failed = new(
        ValidationCheckNames.RowCountTrend, null, ValidationStatus.Fail, 12, 100, "12 rows, below the 100 the trend allows.");

    [Fact]
    public async Task GetAsync_BuiltRebuiltAndRejected_ListsEveryCommitNewestFirstWithItsState()
    {
        var raw = await RawLake.CreateAsync(azurite, TimeProvider.System);
        var firstRaw = await raw.CommitAsync(26, PassingValidator.Instance);
        var built = await CommitStagingAsync(raw, "cfg", PassingValidator.Instance);
        var changedRaw = await raw.CommitAsync(24 * 8, PassingValidator.Instance);
        var rebuilt = await CommitStagingAsync(raw, "cfg", PassingValidator.Instance);
        var rejected = await CommitStagingAsync(raw, "cfg-changed", new FixedValidator(Failed));
        Assert.Equal(
            [CommitStatus.Published, CommitStatus.Published, CommitStatus.Rejected],
            [built.Status, rebuilt.Status, rejected.Status]);
        var handler = new PartitionHistoryHandler(new LakeReady(raw.Lake));

        var (status, body) = await HandlerCall.SendAsync(handler.GetAsync(HandlerCall.Request(string.Empty), "staging", Date));

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(rebuilt.Commit.CommitId, body.GetProperty("liveCommitId").GetString());
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        var commits = body.GetProperty("commits").EnumerateArray().ToList();
        Assert.Equal(
            [(rejected.Commit.CommitId, "rejected"), (rebuilt.Commit.CommitId, "published"), (built.Commit.CommitId, "superseded")],
            commits.Select(c => (c.GetProperty("commitId").GetString(), c.GetProperty("state").GetString())));
        var failure = Assert.Single(commits[0].GetProperty("validationResults").EnumerateArray());
        Assert.Equal(("fail", Failed.Name, Failed.Message), (failure.GetProperty("status").GetString(), failure.GetProperty("name").GetString(), failure.GetProperty("message").GetString()));
        Assert.Equal(("fail", "cfg-changed"), (commits[0].GetProperty("validation").GetString(), commits[0].GetProperty("configHash").GetString()));
        Assert.Equal(
            [changedRaw.Commit.CommitId, changedRaw.Commit.CommitId, firstRaw.Commit.CommitId],
            commits.Select(c => Assert.Single(c.GetProperty("inputs").EnumerateArray()).GetProperty("commitId").GetString()));
        var input = commits[2].GetProperty("inputs")[0];
        Assert.Equal(("raw", Date, $"http://lake.test/api/partitions/raw/{Date}/history"), (input.GetProperty("dataset").GetString(), input.GetProperty("date").GetString(), input.GetProperty("history").GetString()));
        Assert.Equal(
            ("backfill", "overwrite", built.Commit.RowCount, built.Commit.ContentHash),
            (commits[2].GetProperty("trigger").GetString(), commits[2].GetProperty("writeMode").GetString(), commits[2].GetProperty("rows").GetInt64(), commits[2].GetProperty("contentHash").GetString()));

        // The input's link leads to raw's own history, where the first raw commit was superseded by the changed one.
        var (_, rawHistory) = await HandlerCall.SendAsync(handler.GetAsync(HandlerCall.Request("?limit=1"), "raw", Date));
        Assert.Equal(2, rawHistory.GetProperty("total").GetInt32());
        var newest = Assert.Single(rawHistory.GetProperty("commits").EnumerateArray());
        Assert.Equal((changedRaw.Commit.CommitId, "published"), (newest.GetProperty("commitId").GetString(), newest.GetProperty("state").GetString()));
    }

    [Theory]
    [InlineData("features_v9", "2025-01-10", "", "dataset")]
    [InlineData("raw", "2025-02-30", "", "date")]
    [InlineData("raw", "2025-01-10", "?limit=0", "limit")]
    [InlineData("raw", "2025-01-10", "?limit=501", "limit")]
    [InlineData("raw", "2025-01-10", "?limit=ten", "limit")]
    public async Task GetAsync_BadRequest_Is400NamingTheField(string dataset, string date, string query, string field)
    {
        var handler = new PartitionHistoryHandler(new LakeReady(RawLake.Empty(azurite, TimeProvider.System)));

        var (status, body) = await HandlerCall.SendAsync(handler.GetAsync(HandlerCall.Request(query), dataset, date));

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task GetAsync_PartitionNeverBuilt_Is404()
    {
        var handler = new PartitionHistoryHandler(new LakeReady(RawLake.Empty(azurite, TimeProvider.System)));

        var (status, body) = await HandlerCall.SendAsync(handler.GetAsync(HandlerCall.Request(string.Empty), "features_v1", Date));

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Contains($"features_v1/{Date} has no commit", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_StorageRefused_EscapesAsA503NamingTheService()
    {
        // Port 1 on loopback: nothing listens there, so every call is refused at once.
        var dead = new StorageSettings { ConnectionString = new AzuriteEndpoints(1, 1, 1).ConnectionString };
        var timeout = new StorageCallSettings().ApiCallTimeout;
        var lake = new LakeStorage(StorageClients.Blobs(dead, timeout), StorageClients.Tables(dead, timeout), new LakeSettings(), TimeProvider.System);
        var handler = new PartitionHistoryHandler(new LakeReady(lake));

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var scope = ApiCallScope.Begin();
            await handler.GetAsync(HandlerCall.Request(string.Empty), "raw", Date);
        });
        var (status, body) = await HandlerCall.SendAsync(Task.FromResult(ApiFailures.ToResult(failure, new DefaultHttpContext())));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.True(body.GetProperty("service").GetString() is "blob" or "table", body.ToString());
    }

    private static Task<CommitResult> CommitStagingAsync(RawLake raw, string configHash, ICommitValidator validator) =>
        new PartitionCommitter(raw.Lake).CommitAsync(
            new CommitRequest(Datasets.Staging, RawLake.Day, WriteMode.Overwrite, new RunContext("bf-staging", RunTrigger.Backfill, "bf-staging", CodeVersion.Current, configHash)),
            new StagingPartitionBuilder(new PartitionReader(raw.Lake), new IdExchange(raw.Lake), RawLake.Day),
            validator,
            TestContext.Current.CancellationToken);
}
