using Backfill.Core.Building;
using Backfill.Core.Daily;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;
using Backfill.Storage.Building;
using Backfill.Storage.Landing;
using Backfill.Storage.Reading;

namespace Backfill.Workflows.Pipeline;

/// <summary>Measures a day for the late-data metrics: what had landed by a time, and what staging holds.</summary>
public sealed class LateDataRecorder(LakeReady lakeReady)
{
    /// <summary>Counts the day's landed lines that had arrived by <paramref name="processingTime"/>, read as raw reads them.</summary>
    public async Task<LandedCounts> LandedAsync(Day day, DateTimeOffset processingTime, CancellationToken cancellationToken)
    {
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var time = processingTime.UtcDateTime;
        var lines = await new LandingReader(lake, ArrivalWindow.Default).ReadAsync(day, time, cancellationToken).ConfigureAwait(false);
        return LandedCounts.Of(day, RawBuilder.Build(day, time, lines));
    }

    /// <summary>The unique events in the live staging partition of the day (0 when there is none).</summary>
    public async Task<long> IncludedAsync(Day day, CancellationToken cancellationToken)
    {
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var live = await new PartitionReader(lake).GetLiveCommitAsync(Datasets.Staging, day, cancellationToken).ConfigureAwait(false);
        return live?.RowCount ?? 0;
    }
}
