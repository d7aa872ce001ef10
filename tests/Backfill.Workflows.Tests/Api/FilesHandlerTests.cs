using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;
using Backfill.Storage.Commits;
using Backfill.Storage.Landing;
using Backfill.Storage.Pointers;
using Backfill.Storage.Reading;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Pipeline;
using Backfill.Workflows.Tests.Support;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Http;
using SamplePipeline = Backfill.Storage.Tests.Support.Pipeline;

namespace Backfill.Workflows.Tests.Api;

/// <summary>
/// The live file list on a real lake whose folders also hold a superseded and a rejected commit: the list names only
/// live files, and DuckDB reading exactly those files sees the rows the app's own reader sees.
/// </summary>
public sealed class FilesHandlerTests(AzuriteFixture azurite)
{
    private static readonly Day First = Day.Parse("2025-03-01");
    private static readonly Day Last = First.AddDays(2);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_DaysWithSupersededAndRejectedCommits_ListsOnlyLiveFilesAndDuckDbReadsWhatTheReaderReads()
    {
        var (lake, pipeline) = await EventsBuiltAsync();
        var superseded = await pipeline.FeaturesAsync(FeatureVersions.V1, First);
        var kept = await pipeline.FeaturesAsync(FeatureVersions.V1, Last);

        // More events land for both days: day one is rebuilt (its first commit superseded), day three's rebuild fails
        // validation (its staged files stay in the folder, unpublished). Day two never gets features.
        await LandMoreAsync(lake, First);
        await LandMoreAsync(lake, Last);
        await pipeline.BuildEventsAsync(First, 3);
        var live = await pipeline.FeaturesAsync(FeatureVersions.V1, First);
        var failing = new ValidationResult(ValidationCheckNames.RowCountTrend, null, ValidationStatus.Fail, 1, 2, "rejected on purpose");
        var rejected = await new SamplePipeline(lake, new FixedValidator(failing)).FeaturesAsync(FeatureVersions.V1, Last);
        Assert.Equal(
            [CommitStatus.Published, CommitStatus.Published, CommitStatus.Published, CommitStatus.Rejected],
            [superseded.Status, kept.Status, live.Status, rejected.Status]);

        var (status, body) = await HandlerCall.SendAsync(new FilesHandler(new LakeReady(lake)).GetAsync(HandlerCall.Request($"?from={First}&to={Last}"), "features"));

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(("features", "features_v1", lake.Settings.ContainerName), (Text(body, "dataset"), Text(body, "resolvedDataset"), Text(body, "container")));
        Assert.Equal([First.AddDays(1).ToString()], body.GetProperty("missing").EnumerateArray().Select(d => d.GetString()));
        var days = body.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal([(First.ToString(), live.Commit.CommitId), (Last.ToString(), kept.Commit.CommitId)], days.Select(d => (Text(d, "date"), Text(d, "commitId"))));
        var files = days.SelectMany(d => d.GetProperty("files").EnumerateArray()).ToList();
        Assert.Equal(2, body.GetProperty("fileCount").GetInt32());
        Assert.Equal(live.Commit.RowCount + kept.Commit.RowCount, body.GetProperty("rowCount").GetInt64());

        // The folders hold three commits' files (a glob would read them all); the list names the live ones only.
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(lake.Settings.ContainerName);
        var parquet = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "features_v1/", Cancel))
        {
            if (blob.Name.EndsWith(".parquet", StringComparison.Ordinal))
            {
                parquet.Add(blob.Name);
            }
        }

        Assert.Equal(4, parquet.Count);
        foreach (var (file, commit) in files.Zip(new[] { live.Commit, kept.Commit }))
        {
            Assert.Contains(Text(file, "path"), parquet);
            Assert.Contains($"/commit={commit.CommitId}/", Text(file, "path"), StringComparison.Ordinal);
            Assert.EndsWith($"/{lake.Settings.ContainerName}/{Text(file, "path")}", Uri.UnescapeDataString(Text(file, "url")), StringComparison.Ordinal);
            Assert.Equal(commit.Files[0].Sha256, Text(file, "sha256"));
        }

        var read = await new FeatureReader(new PartitionReader(lake), new PointerStore(lake)).ReadAsync("features", First, Last, Cancel);
        Assert.Equal(Rows(read.Rows), await DuckDbRowsAsync(container, files.Select(f => Text(f, "path"))));
    }

    [Fact]
    public async Task GetAsync_PointerFlippedToV2_ListsV2AndCountsARejectedOnlyDayAsMissing()
    {
        var (lake, pipeline) = await EventsBuiltAsync();
        await pipeline.FeaturesAsync(FeatureVersions.V1, First);
        var v2 = await pipeline.FeaturesAsync(FeatureVersions.V2, First);
        var failing = new ValidationResult(ValidationCheckNames.RowCountTrend, null, ValidationStatus.Fail, 1, 2, "rejected on purpose");
        var rejected = await new SamplePipeline(lake, new FixedValidator(failing)).FeaturesAsync(FeatureVersions.V2, Last);
        Assert.Equal((CommitStatus.Published, CommitStatus.Rejected), (v2.Status, rejected.Status));
        await new PointerStore(lake).AdvanceAsync(new PointerMirror("features", FeatureVersions.V2.Name, 1, DateTimeOffset.UtcNow, "test"), Cancel);

        var (status, body) = await HandlerCall.SendAsync(new FilesHandler(new LakeReady(lake)).GetAsync(HandlerCall.Request($"?from={First}&to={Last}"), "features"));

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("features_v2", Text(body, "resolvedDataset"));
        var day = Assert.Single(body.GetProperty("days").EnumerateArray());
        Assert.Equal(v2.Commit.CommitId, Text(day, "commitId"));
        Assert.StartsWith("features_v2/", Text(Assert.Single(day.GetProperty("files").EnumerateArray()), "path"), StringComparison.Ordinal);
        Assert.Equal([First.AddDays(1).ToString(), Last.ToString()], body.GetProperty("missing").EnumerateArray().Select(d => d.GetString()));
    }

    [Theory]
    [InlineData("features", "", "from")]
    [InlineData("features", "?from=2025-03-01", "to")]
    [InlineData("features", "?from=2025-03-31&to=2025-03-01", "to")]
    [InlineData("features", "?from=2025-03-01&to=2025-02-30", "to")]
    [InlineData("features", "?from=2025-01-01&to=2035-01-09", "to")]
    public async Task GetAsync_BadRange_Is400NamingTheField(string dataset, string query, string field)
    {
        var lake = await TestLake.CreateAsync(azurite);

        var (status, body) = await HandlerCall.SendAsync(new FilesHandler(new LakeReady(lake)).GetAsync(HandlerCall.Request(query), dataset));

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    // Raw and staging are the pipeline's inputs, with more than one schema per commit: training reads features.
    [Theory]
    [InlineData("features_v9")]
    [InlineData("raw")]
    [InlineData("staging")]
    public async Task GetAsync_NotAPointerOrFeatureVersion_Is404NamingIt(string dataset)
    {
        var lake = await TestLake.CreateAsync(azurite);

        var (status, body) = await HandlerCall.SendAsync(new FilesHandler(new LakeReady(lake)).GetAsync(HandlerCall.Request("?from=2025-03-01&to=2025-03-02"), dataset));

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Contains($"'{dataset}'", Text(body, "detail"), StringComparison.Ordinal);
    }

    // A fresh lake with raw and staging built for the three days; features are each test's own.
    private async Task<(Backfill.Storage.Layout.LakeStorage Lake, SamplePipeline Pipeline)> EventsBuiltAsync()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var pipeline = new SamplePipeline(lake);
        await pipeline.SeedAsync(First, 3);
        await pipeline.BuildEventsAsync(First, 3);
        return (lake, pipeline);
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    // Another generator seed for the day: new event ids, so every rebuild above has new content.
    private static async Task LandMoreAsync(Backfill.Storage.Layout.LakeStorage lake, Day day) =>
        await new LandingWriter(lake).WriteAsync($"more-{day}", new EventGenerator(SamplePipeline.SmallVolume with { Seed = 77 }).Generate(day.Date), Cancel);

    private static List<string> Rows(IEnumerable<FeatureRow> rows) =>
        [.. rows.Select(r => string.Join('|', [r.EntityId, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. r.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))])).Order(StringComparer.Ordinal)];

    // What a training job does with the list: fetch the named files and hand them to DuckDB's read_parquet.
    private static async Task<List<string>> DuckDbRowsAsync(BlobContainerClient container, IEnumerable<string> paths)
    {
        var folder = Directory.CreateTempSubdirectory("files-");
        try
        {
            var local = new List<string>();
            foreach (var path in paths)
            {
                var file = Path.Combine(folder.FullName, path.Replace('/', '_'));
                await container.GetBlobClient(path).DownloadToAsync(file, Cancel);
                local.Add(file);
            }

            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var query = connection.CreateCommand();
            query.CommandText = $"SELECT * FROM read_parquet([{string.Join(", ", local.Select(f => $"'{f}'"))}])";
            using var reader = query.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var values = Enumerable.Range(2, reader.FieldCount - 2).Select(i => reader.GetDouble(i).ToString("R", CultureInfo.InvariantCulture));
                rows.Add(string.Join('|', [reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. values]));
            }

            return [.. rows.Order(StringComparer.Ordinal)];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
