using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Storage.Backfills;
using Backfill.Workflows.Api;
using Backfill.Workflows.Models;

namespace Backfill.Workflows.Tests.Api;

public sealed class BackfillItemStatesTests
{
    private static readonly DateTimeOffset Started = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Plan Plan = Planner.Create(
        PartitionSetParser.Parse("2025-01-01..2025-01-03", new PartitionSetParseOptions()), [Layer.Raw, Layer.Staging], new LayerDependencies(7), PartitionOrder.Ascending);

    [Fact]
    public void Derive_GenerationStartRunningAndRecordedAttempts_EveryItemAsTheOrchestrationHoldsIt()
    {
        var start = Codes(("raw/2025-01-01", ItemState.Succeeded));
        var rows = Rows(
            ("staging/2025-01-01", "succeeded", 1, Started.AddMinutes(1)),
            ("raw/2025-01-02", "failed", 1, Started.AddMinutes(1)),
            ("staging/2025-01-02", "succeeded", 1, Started.AddDays(-1)));

        var codes = BackfillItemStates.Derive(Plan, start, ["raw/2025-01-03"], rows, retries: 2, Started);

        Assert.Equal(
            new Dictionary<string, ItemState>
            {
                ["raw/2025-01-01"] = ItemState.Succeeded,
                ["staging/2025-01-01"] = ItemState.Succeeded,
                ["raw/2025-01-02"] = ItemState.Failed,
                // Its row is older than the backfill (an earlier backfill of the same id); its input failed.
                ["staging/2025-01-02"] = ItemState.Blocked,
                ["raw/2025-01-03"] = ItemState.Running,
                ["staging/2025-01-03"] = ItemState.Pending,
            },
            States(codes));
    }

    [Fact]
    public void Derive_TransientBeyondRetries_FailedAndBlocksDependents()
    {
        var rows = Rows(("raw/2025-01-03", "transient", 3, Started.AddMinutes(1)), ("raw/2025-01-02", "transient", 2, Started.AddMinutes(1)));

        var states = States(BackfillItemStates.Derive(Plan, string.Empty, [], rows, retries: 2, Started));

        Assert.Equal((ItemState.Failed, ItemState.Blocked), (states["raw/2025-01-03"], states["staging/2025-01-03"]));
        Assert.Equal((ItemState.Running, ItemState.Pending), (states["raw/2025-01-02"], states["staging/2025-01-02"]));
    }

    private static string Codes(params (string Id, ItemState State)[] known) =>
        new([.. Plan.Items.Select(i => (char)(known.FirstOrDefault(k => k.Id == i.Id).State is var s && s != default ? s : ItemState.Pending))]);

    private static Dictionary<string, BackfillItemRecord> Rows(params (string Id, string Outcome, int Attempts, DateTimeOffset FinishedAt)[] rows) =>
        rows.ToDictionary(r => r.Id, r => new BackfillItemRecord(r.Id, r.Outcome, r.Attempts, 0, 0, null, r.FinishedAt, r.FinishedAt));

    private static Dictionary<string, ItemState> States(string codes) =>
        Plan.Items.Select((item, i) => (item.Id, State: (ItemState)codes[i])).ToDictionary(p => p.Id, p => p.State);
}
