using System.Net;
using System.Text.Json;
using Backfill.Core.Validation;
using Backfill.Workflows.Api;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// <c>GET /api/partitions/{dataset}</c> of a real local host over partitions real backfills built. A day in flight is
/// shown by LocalHost.Tests' PartitionsApiTests, where a gate holds it.
/// </summary>
[Collection(DashboardGroup.Name)]
public sealed class PartitionsApiTests(DashboardFixture fixture)
{
    private static readonly string[] Week = [.. Enumerable.Range(1, 7).Select(d => $"2023-09-{d:00}")];

    private LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task Partitions_Raw_CommittedFailedValidationAndMissingDays()
    {
        var raw = await GetAsync("raw");

        Assert.Equal(("raw", DashboardFixture.From, DashboardFixture.To), (raw.Dataset, raw.From, raw.To));
        Assert.Equal(Week, raw.Days.Select(d => d.Date));
        Assert.Equal(["committed", "committed", "committed", "committed", "committed", "failed", "missing"], raw.Days.Select(d => d.State));
        var committed = raw.Days[0];
        Assert.Equal(fixture.FullBackfill, committed.RunId);
        Assert.NotNull(committed.CommitId);
        Assert.NotNull(committed.CodeVersion);
        Assert.NotNull(committed.CommittedAt);
        Assert.True(committed.Rows > 0, "a committed day has rows");
        Assert.Contains(committed.Validation, v => v.Name == ValidationCheckNames.RowCountBounds && v.Status == "pass");
        Assert.Equal(fixture.RebuildBackfill, raw.Days[2].RunId);

        var failed = raw.Days[5];
        Assert.Equal((fixture.FailedBackfill, 0L), (failed.RunId, failed.Rows));
        Assert.Null(failed.CommittedAt);
        var rowCount = Assert.Single(failed.Validation, v => v.Name == ValidationCheckNames.RowCountBounds);
        Assert.Equal(("fail", 0.0, 1.0), (rowCount.Status, rowCount.Observed, rowCount.Threshold));
        Assert.Contains("validation failed", failed.Reason, StringComparison.Ordinal);

        var missing = raw.Days[6];
        Assert.Equal((null, null, null, 0), (missing.CommitId, missing.RunId, missing.Reason, missing.Validation.Count));
    }

    [Fact]
    public async Task Partitions_StagingAfterRawRebuild_IsStaleNamingTheNewLiveCommit()
    {
        var raw = await GetAsync("raw");
        var staging = await GetAsync("staging");

        Assert.Equal(["committed", "committed", "stale", "committed", "committed", "missing", "missing"], staging.Days.Select(d => d.State));
        var stale = staging.Days[2];
        Assert.Equal(fixture.FullBackfill, stale.RunId);
        Assert.Contains($"raw/{DashboardFixture.RebuiltDay} read ", stale.Reason, StringComparison.Ordinal);
        Assert.Contains($"live is {raw.Days[2].CommitId}", stale.Reason, StringComparison.Ordinal);
        Assert.Null(staging.Days[1].Reason);
    }

    [Fact]
    public async Task Partitions_Features_CommittedTargetAndMissingOtherVersion()
    {
        var v1 = await GetAsync("features_v1");
        var v2 = await GetAsync("features_v2");

        // features_v1 of 09-03..09-05 read staging 09-03, which did not change: only raw did.
        Assert.Equal(["committed", "committed", "committed", "committed", "committed", "missing", "missing"], v1.Days.Select(d => d.State));
        Assert.All(v1.Days.Take(5), d => Assert.Contains(d.Validation, v => v.Name == ValidationCheckNames.KeyUniqueness && v.Status == "pass"));
        Assert.All(v2.Days, d => Assert.Equal("missing", d.State));
    }

    [Fact]
    public async Task Partitions_NoRange_ThirtyDaysEndingAtTheNewestDay()
    {
        var raw = await Host.ReadJsonAsync<PartitionsView>("api/partitions/raw");

        Assert.Equal(PartitionsHandler.DefaultDays, raw.Days.Count);
        Assert.Equal((raw.From, raw.To), (raw.Days[0].Date, raw.Days[^1].Date));
        Assert.True(string.CompareOrdinal(raw.To, DashboardFixture.FailedDay) >= 0, $"the newest raw day {raw.To} is at least {DashboardFixture.FailedDay}");
    }

    [Theory]
    [InlineData("features_v9?from=2023-09-01&to=2023-09-07", "dataset")]
    [InlineData("raw?from=2024-13-01&to=2023-09-07", "from")]
    [InlineData("raw?from=2023-09-01&to=June", "to")]
    [InlineData("raw?from=2023-09-07&to=2023-09-01", "to")]
    [InlineData("raw?from=2023-01-01&to=2023-09-01", "to")]
    public async Task Partitions_BadInput_ProblemNamingTheField(string query, string field)
    {
        using var response = await Host.Http.GetAsync($"api/partitions/{query}", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"names {field}: {body}");
    }

    private Task<PartitionsView> GetAsync(string dataset) =>
        Host.ReadJsonAsync<PartitionsView>($"api/partitions/{dataset}?from={DashboardFixture.From}&to={DashboardFixture.To}");
}
