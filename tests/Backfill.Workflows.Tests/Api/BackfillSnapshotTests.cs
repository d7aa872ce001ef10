using System.Text.Json;
using Backfill.Core.Layers;
using Backfill.Storage.Backfills;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;

namespace Backfill.Workflows.Tests.Api;

/// <summary>One item's view, built alone for the item route, is the one the backfill's whole view lists.</summary>
public sealed class BackfillSnapshotTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ItemView_RunningBackfill_IsTheWholeViewsItemAndDerivesBlockedFromAnotherItemsRow()
    {
        var snapshot = Running("2025-01-01..2025-01-02");
        var details = new Dictionary<string, BackfillItemRecord>(StringComparer.Ordinal)
        {
            ["raw/2025-01-01"] = new("raw/2025-01-01", "failed", 1, 0, 10, "validation failed", Now.AddMinutes(1), Now.AddMinutes(2)),
            ["raw/2025-01-02"] = new("raw/2025-01-02", "succeeded", 1, 300, 20, null, Now.AddMinutes(1), Now.AddMinutes(2)),
        };
        var whole = snapshot.ToView(details).Items!;

        Assert.All(snapshot.Plan().Items, item => Assert.Equal(
            whole.Single(view => (view.Layer, view.Date) == (LayerNames.Of(item.Layer), item.Partition.ToString())),
            snapshot.ItemView(item, details)));
        var blocked = snapshot.ItemView(snapshot.Plan().Items.First(i => i.Id == "staging/2025-01-01"), details)!;
        Assert.Equal(("blocked", "an item it depends on failed or is blocked"), (blocked.Status, blocked.Error));
        Assert.False(snapshot.HasFinalCodes);
        Assert.Null(snapshot.ItemView(new(Layer.Raw, Backfill.Core.Partitions.Day.Parse("2025-02-01")), details));
    }

    private static BackfillSnapshot Running(string partitions)
    {
        var body = JsonSerializer.Deserialize<BackfillBody>($$"""{"partitions":"{{partitions}}","target":"features_v1"}""", ApiJson.Options)!;
        var spec = BackfillRequestValidator.Validate(body, new BackfillSettings(), Now).Spec!;
        var converter = JsonDataConverter.Default;
        return BackfillSnapshot.Of(new OrchestrationMetadata(nameof(BackfillOrchestrator), "bf-snapshot")
        {
            DataConverter = converter,
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            CreatedAt = Now,
            LastUpdatedAt = Now,
            SerializedInput = converter.Serialize(new BackfillState(spec, string.Empty, spec.MaxParallel, false, Now, 0, 0, 0, null)),
        });
    }
}
