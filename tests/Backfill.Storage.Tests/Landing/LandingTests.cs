using Azure.Storage.Blobs.Models;
using Backfill.Core.Generation;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;
using Backfill.Storage.Landing;
using Backfill.Storage.Tests.Support;
using Backfill.Testing;

namespace Backfill.Storage.Tests.Landing;

public sealed class LandingTests(AzuriteFixture azurite)
{
    private static readonly Day Day = Day.Parse("2025-01-03");

    [Fact]
    public async Task WriteAsync_Lines_FolderedByArrivalDateAndHour()
    {
        var lake = await TestLake.CreateAsync(azurite);
        GeneratedLine[] lines =
        [
            new(Pipeline.At(Day, 5).AddMinutes(10), "a"),
            new(Pipeline.At(Day, 5).AddMinutes(50), "b"),
            new(Pipeline.At(Day.AddDays(1), 23).AddMinutes(1), "c"),
        ];

        var files = await new LandingWriter(lake).WriteAsync("gen-1", lines, TestContext.Current.CancellationToken);

        var names = new List<string>();
        await foreach (var blob in TestLake.Container(azurite, lake).GetBlobsAsync(
                           BlobTraits.None, BlobStates.None, "landing/", TestContext.Current.CancellationToken))
        {
            names.Add(blob.Name);
        }

        Assert.Equal(2, files);
        Assert.Equal(
            ["landing/arrival_date=2025-01-03/arrival_hour=05/gen-1.jsonl", "landing/arrival_date=2025-01-04/arrival_hour=23/gen-1.jsonl"],
            names);
    }

    [Fact]
    public async Task ReadAsync_ProcessingTime_ReturnsOnlyFinishedHoursWithArrivalHour()
    {
        var lake = await TestLake.CreateAsync(azurite);
        GeneratedLine[] lines = [new(Pipeline.At(Day, 5).AddMinutes(10), "a"), new(Pipeline.At(Day, 6).AddMinutes(10), "b")];
        await new LandingWriter(lake).WriteAsync("gen-1", lines, TestContext.Current.CancellationToken);
        var reader = new LandingReader(lake, ArrivalWindow.Default);

        var read = await reader.ReadAsync(Day, Pipeline.At(Day, 6).AddMinutes(59), TestContext.Current.CancellationToken);

        var line = Assert.Single(read);
        Assert.Equal(new LandedLine(Pipeline.At(Day, 5), "landing/arrival_date=2025-01-03/arrival_hour=05/gen-1.jsonl", 1, "a"), line);
    }

    [Fact]
    public async Task WriteAsync_SameBatchTwice_FailsBecauseLandingIsNeverModified()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var writer = new LandingWriter(lake);
        GeneratedLine[] lines = [new(Pipeline.At(Day, 5), "a")];
        await writer.WriteAsync("gen-1", lines, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => writer.WriteAsync("gen-1", lines, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteAsync_KeepExisting_WritesOnlyMissingFilesAndNeverModifiesLanded()
    {
        var lake = await TestLake.CreateAsync(azurite);
        var writer = new LandingWriter(lake);
        var cancel = TestContext.Current.CancellationToken;
        await writer.WriteAsync("gen-1", [new GeneratedLine(Pipeline.At(Day, 5), "first")], cancel);

        var written = await writer.WriteAsync(
            "gen-1", [new GeneratedLine(Pipeline.At(Day, 5), "replayed"), new GeneratedLine(Pipeline.At(Day, 6), "b")], cancel, keepExisting: true);
        var read = await new LandingReader(lake, ArrivalWindow.Default).ReadAsync(Day, Pipeline.At(Day.AddDays(1)), cancel);

        Assert.Equal(1, written);
        Assert.Equal(["first", "b"], read.Select(l => l.Text));
    }
}
