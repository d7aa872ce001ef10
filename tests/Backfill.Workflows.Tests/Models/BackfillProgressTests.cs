using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Workflows.Models;
using Microsoft.DurableTask.Converters;

namespace Backfill.Workflows.Tests.Models;

public sealed class BackfillProgressTests
{
    [Fact]
    public void Serialize_LargestBackfillEverySlotRunning_WithinAzuresCustomStatusLimit()
    {
        // 3,660 days x 3 layers with max parallel 64, every slot running an item with the longest id.
        var first = Day.Parse("2015-01-01");
        var running = Enumerable.Range(0, 64).Select(i => new WorkItem(Layer.Features, first.AddDays(3_596 + i)).Id).ToList();
        var progress = new BackfillProgress(
            BackfillStatus.Running, new BackfillCounts(10_980, 5_000, 64, 5_000, 900, 16, 0), running, 64, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            86_400, 27, null, null, null, 64, "max parallel 64, running 13: activity budget 16 with 3 reserved for the daily run and 240 granted to other backfills");

        var json = JsonDataConverter.Default.Serialize(progress)!;

        Assert.True(json.Length < 8_192, $"custom status is {json.Length} chars");
        Assert.DoesNotContain("\"Items\":\"", json, StringComparison.Ordinal);
    }
}
