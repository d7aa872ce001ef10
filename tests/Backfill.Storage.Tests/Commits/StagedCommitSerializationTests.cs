using System.Text.Json;
using Backfill.Core.Partitions;
using Backfill.Storage.Commits;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Commits;

/// <summary>Stage, validate and publish run as separate activities, so a staged commit crosses them as JSON.</summary>
public sealed class StagedCommitSerializationTests(AzuriteFixture azurite)
{
    private static readonly Day Day = Day.Parse("2025-01-07");

    [Fact]
    public async Task PublishAsync_StagedCommitRoundTrippedThroughJson_Publishes()
    {
        var pipeline = new Pipeline(await TestLake.CreateAsync(azurite));
        var ct = TestContext.Current.CancellationToken;
        var request = new CommitRequest(FeatureRowsBuilder.Features.Name, Day, WriteMode.Overwrite, TestLake.Run());
        await PartitionRollbackTests.CommitAsync(pipeline, 1);
        var staged = await pipeline.Committer.StageAsync(
            request, new FeatureRowsBuilder(pipeline.Reader, [FeatureRowsBuilder.Row("e1", Day.Date, 2)]), ct);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var json = JsonSerializer.Serialize(staged, options);
        var crossed = JsonSerializer.Deserialize<StagedCommit>(json, options)!;
        var status = await pipeline.Committer.PublishAsync(crossed, ct);

        Assert.Equal(json, JsonSerializer.Serialize(crossed, options));
        Assert.Equal(CommitStatus.Published, status);
        Assert.Equal(staged.Commit.CommitId, (await pipeline.Reader.GetRequiredCommitAsync(request.Dataset, Day, ct)).CommitId);
    }
}
