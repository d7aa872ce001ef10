using System.Globalization;
using Backfill.Core.Features;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Core.Validation;

namespace Backfill.Core.Tests.Validation;

/// <summary>
/// The gate on generated data at 300, 3,000 and 30,000 entities (five events per entity a day, the default weekly
/// seasonality): clean partitions almost never fail, and every injected fault the validator tests use is caught at
/// every size. The clean run at 30,000 entities generates 32 million events, so it is explicit: after a build, run it
/// with <c>tests/Backfill.Core.Tests/bin/Debug/net10.0/Backfill.Core.Tests -method "*AtMostOnePercentFail" -explicit on</c>
/// (the test runner's own command line; <c>dotnet test</c> skips explicit tests).
/// </summary>
public sealed class GateFalseAlarmTests
{
    private const int Partitions = 200;
    private const double MaxFalseAlarmRate = 0.01;
    private static readonly ValidationThresholds Defaults = new();

    [Theory]
    [InlineData(300)]
    [InlineData(3_000)]
    [InlineData(30_000, Explicit = true)]
    public void Validate_200CleanPartitionsPerDataset_AtMostOnePercentFail(int entities)
    {
        // Features need 6 days to fill their window and 7 more for a full baseline.
        var warmUp = FeatureVersions.V1.InputWindowDays - 1 + Defaults.BaselinePartitions;
        var history = GeneratedHistory.Create(entities, warmUp + Partitions);

        foreach (var (dataset, days) in history.Datasets)
        {
            var judged = Enumerable.Range(days.Count - Partitions, Partitions).Select(index => history.Validate(dataset, index, Defaults)).ToList();
            var failed = judged.Count(results => results.Any(r => r.Status == ValidationStatus.Fail));
            var byCheck = judged.SelectMany(results => results.Where(r => r.Status == ValidationStatus.Fail))
                .CountBy(r => r.Column is null ? r.Name : $"{r.Name}({r.Column})");
            var rate = (double)failed / Partitions;
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"false alarms at {entities} entities, {dataset}: {failed}/{Partitions} partitions ({rate:P1}); {string.Join(", ", byCheck.Select(c => $"{c.Key} {c.Value}"))}"));

            Assert.True(rate <= MaxFalseAlarmRate, string.Create(CultureInfo.InvariantCulture,
                $"{dataset} at {entities} entities: {failed} of {Partitions} clean partitions failed ({string.Join(", ", byCheck.Select(c => $"{c.Key} {c.Value}"))})."));
        }
    }

    [Theory]
    [InlineData(300)]
    [InlineData(3_000)]
    [InlineData(30_000)]
    public void Validate_InjectedFaults_CaughtAtEverySize(int entities)
    {
        // Each fault day has a full clean baseline before it: 7 days for raw and staging, 6 + 7 for features.
        var nullSpike = GeneratedHistory.First.AddDays(7);
        var volumeDrop = nullSpike.AddDays(1);
        var duplicates = nullSpike.AddDays(2);
        var shift = GeneratedHistory.First.AddDays(13);
        var history = GeneratedHistory.Create(
            entities,
            14,
            faults:
            [
                new DistributionShiftFault(shift.Date, 6),
                new NullSpikeFault(nullSpike.Date, NullableColumn.SessionId, 0.3),
                new VolumeDropFault(volumeDrop.Date, 0.3),
            ],
            tamperStaging: (day, events) => day == duplicates ? [.. events, .. events.Take(Math.Max(1, events.Count / 100))] : events);

        Assert.Contains(Failures(history, FeatureVersions.V1.Name, shift), r => r is { Name: ValidationCheckNames.Drift, Column: "amount_1d" or "amount_7d" });
        Assert.Contains(Failures(history, "staging", nullSpike), r => r is { Name: ValidationCheckNames.NullRate, Column: "session_id" });
        Assert.Contains(Failures(history, "raw", volumeDrop), r => r.Name == ValidationCheckNames.RowCountTrend);
        Assert.Contains(Failures(history, "staging", duplicates), r => r.Name == ValidationCheckNames.KeyUniqueness);
    }

    private static IReadOnlyList<ValidationResult> Failures(GeneratedHistory history, string dataset, Day day)
    {
        var index = history.Datasets[dataset].ToList().FindIndex(d => d.Day == day);
        return [.. history.Validate(dataset, index, Defaults).Where(r => r.Status == ValidationStatus.Fail)];
    }
}
