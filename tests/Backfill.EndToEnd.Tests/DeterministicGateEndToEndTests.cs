using System.Globalization;
using System.Net;
using Backfill.Testing;
using Backfill.Workflows.Api;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// The partition gate's verdict is a function of the data and of the run's pinned baseline, not of scheduling: the
/// same seeded range, backfilled on fresh lakes with max parallel 1, 3 and 8, ascending and descending, gives the same
/// status and observed value for every (dataset, day, check, column), and names the same baseline partitions.
/// Each lake first gets a week of history (the baseline the backfill under test is pinned to), then the 6 days after.
/// </summary>
public sealed class DeterministicGateEndToEndTests(AzuriteFixture azurite)
{
    /// <summary>How many of the six schedules run (environment variable; 3 by default so CI stays fast, 6 for the soak).</summary>
    public const string RunsVariable = "BACKFILL_GATE_RUNS";

    private const string From = "2025-01-01";
    private const string HistoryTo = "2025-01-07";
    private const string RunFrom = "2025-01-08";
    private const string RunTo = "2025-01-13";
    private static readonly string[] Datasets = ["raw", "staging", "features_v1"];

    // The first three are the extremes (parallel 8 ascending against 1 descending, the pair that once disagreed) and a
    // middle one; the soak adds the other three.
    private static readonly (int MaxParallel, string Order)[] Schedules =
        [(8, "ascending"), (1, "descending"), (3, "descending"), (1, "ascending"), (8, "descending"), (3, "ascending")];

    [Fact]
    public async Task Backfill_SameRangeAtEveryMaxParallelAndOrder_GivesIdenticalVerdicts()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable(RunsVariable), CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 2, Schedules.Length) : 3;
        var runs = new List<(string Name, IReadOnlyList<string> Verdicts)>();
        foreach (var (maxParallel, order) in Schedules.Take(count))
        {
            runs.Add(($"max parallel {maxParallel}, {order}", await VerdictsAsync(maxParallel, order)));
        }

        var (firstName, first) = runs[0];
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{first.Count} verdict lines per run; fails {first.Count(v => v.Contains("=fail", StringComparison.Ordinal))}, warns {first.Count(v => v.Contains("=warn", StringComparison.Ordinal))}"));
        Assert.True(first.Count > 250, $"only {first.Count} verdict lines");
        foreach (var (name, verdicts) in runs.Skip(1))
        {
            var differing = first.Except(verdicts).Concat(verdicts.Except(first)).ToList();
            Assert.True(differing.Count == 0, $"{name} differs from {firstName} in {differing.Count} lines, e.g. {string.Join(" | ", differing.Take(4))}");
        }
    }

    /// <summary>One fresh lake: seed, build the week before, then backfill the range under test; its verdict lines.</summary>
    private async Task<IReadOnlyList<string>> VerdictsAsync(int maxParallel, string order)
    {
        await using var host = await LocalHostProcess.StartAsync(LocalHostProcess.OwnLake(azurite.ConnectionString, "gate"));
        var (status, body) = await BackfillApi.PostAsync(host, "api/seed-data", new { from = From, to = RunTo, eventsPerDay = 600, entities = 200, seed = 7 });
        Assert.True(status == HttpStatusCode.OK, $"seed-data answered {status}: {body}");
        var history = await BackfillApi.WaitAsync(host, await BackfillApi.StartAsync(host, new { partitions = $"{From}..{HistoryTo}", target = "features_v1", maxParallel = 8 }));
        Assert.Equal(0, history.Items!.Count(item => item.Status is "failed" or "blocked"));

        var run = await BackfillApi.WaitAsync(host, await BackfillApi.StartAsync(host, new { partitions = $"{RunFrom}..{RunTo}", target = "features_v1", maxParallel, order }));
        Assert.True(run.Items!.All(item => item.Status is "succeeded" or "failed" or "blocked"), string.Join(", ", run.Items!.Select(i => i.Status)));

        var lines = new List<string>();
        foreach (var dataset in Datasets)
        {
            var partitions = await host.ReadJsonAsync<PartitionsView>($"api/partitions/{dataset}?from={RunFrom}&to={RunTo}");
            foreach (var day in partitions.Days)
            {
                lines.AddRange(day.Validation.Select(v => string.Create(CultureInfo.InvariantCulture,
                    $"{dataset} {day.Date} {v.Name}({v.Column})={v.Status} observed {v.Observed:R} baseline [{string.Join(",", (v.Baseline ?? []).Select(DayOf))}]")));
            }
        }

        return lines;
    }

    // Commit ids differ between lakes; the partition a baseline names must not.
    private static string DayOf(string baselineId) => baselineId[..baselineId.IndexOf('@', StringComparison.Ordinal)];
}
