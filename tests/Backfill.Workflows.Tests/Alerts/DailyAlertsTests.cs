using Backfill.Core.Partitions;
using Backfill.Workflows.Alerts;

namespace Backfill.Workflows.Tests.Alerts;

public sealed class DailyAlertsTests
{
    private static readonly Day Scheduled = Day.Parse("2025-03-09");

    [Theory]
    [InlineData("2025-03-08", 2, false)]
    [InlineData("2025-03-07", 2, true)]
    [InlineData("2025-03-05", 5, false)]
    [InlineData("2025-03-04", 5, true)]
    public void Stalled_CommittedBehindScheduled_AlertsFromTheThreshold(string committed, int stallDays, bool alerts)
    {
        var alert = DailyAlerts.Stalled("features_v2", Day.Parse(committed), Scheduled, stallDays, "daily-2025-03-11");

        Assert.Equal(alerts, alert is not null);
        if (alert is not null)
        {
            Assert.Equal($"watermark_stalled:features_v2:{committed}", alert.DedupKey);
            Assert.Equal((AlertKinds.WatermarkStalled, "features_v2", committed), (alert.Kind, alert.Dataset, alert.Partition));
        }
    }

    [Fact]
    public void Stalled_NothingCommittedYet_DoesNotAlert() =>
        Assert.Null(DailyAlerts.Stalled("features_v2", null, Scheduled, 1, "daily-2025-03-11"));

    [Fact]
    public void RunFailed_SameOldestFailureInTwoRuns_HasOneDedupKey()
    {
        var first = DailyAlerts.RunFailed("raw", Day.Parse("2025-03-06"), 1, "daily-2025-03-08");
        var second = DailyAlerts.RunFailed("raw", Day.Parse("2025-03-06"), 3, "daily-2025-03-09");

        Assert.Equal(first.DedupKey, second.DedupKey);
        Assert.NotEqual(first.DedupKey, DailyAlerts.RunFailed("staging", Day.Parse("2025-03-06"), 1, "daily-2025-03-09").DedupKey);
    }
}
