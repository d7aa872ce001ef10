using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backfill.Workflows.Api;
using Microsoft.Playwright;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// <c>GET /api/dashboard</c> loaded in the distribution's headless Chromium against a real local host: the grid,
/// the backfill progress bars and the late-arrival chart are checked against what the API says.
/// </summary>
[Collection(DashboardGroup.Name)]
public sealed class DashboardBrowserTests(DashboardFixture fixture)
{
    private const string Chromium = "/usr/bin/chromium";
    private const int ItemThroughputPoints = Core.Progress.ItemThroughput.WindowMinutes;
    private static readonly string[] Buckets = ["onTime", "late0To24h", "late24To48h", "lateOver48h"];

    private LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task Dashboard_InHeadlessChromium_RendersGridProgressAndLateChart()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is installed (.ci/run installs the chromium package)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1100 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        var response = await page.GotoAsync(new Uri(Host.BaseAddress, $"api/dashboard?from={DashboardFixture.From}&to={DashboardFixture.To}&refresh=60000").ToString());
        Assert.Equal(200, response!.Status);
        await page.WaitForSelectorAsync("body[data-loaded]");

        // Grid: every cell carries the state and commit the API reports for that day, in that state's colour.
        foreach (var dataset in PartitionsHandler.KnownDatasets)
        {
            var api = await Host.ReadJsonAsync<PartitionsView>($"api/partitions/{dataset}?from={DashboardFixture.From}&to={DashboardFixture.To}");
            var cells = await page.EvalOnSelectorAllAsync<string[][]>(
                $"#grid td.cell[data-dataset='{dataset}']", "cells => cells.map(c => [c.dataset.date, c.dataset.state, c.dataset.commit || ''])");
            Assert.Equal(api.Days.Select(d => new[] { d.Date, d.State, d.CommitId ?? "" }), cells);
        }

        Assert.Equal("failed", await StateAsync(page, "raw", DashboardFixture.FailedDay));
        Assert.Equal("stale", await StateAsync(page, "staging", DashboardFixture.RebuiltDay));
        Assert.Equal("committed", await StateAsync(page, "features_v1", DashboardFixture.From));
        Assert.Equal("missing", await StateAsync(page, "features_v2", DashboardFixture.From));
        Assert.Equal("rgb(211, 58, 44)", await page.EvalOnSelectorAsync<string>(Cell("raw", DashboardFixture.FailedDay), "c => getComputedStyle(c).backgroundColor"));
        Assert.Equal("rgb(46, 158, 68)", await page.EvalOnSelectorAsync<string>(Cell("features_v1", DashboardFixture.From), "c => getComputedStyle(c).backgroundColor"));

        // Clicking the failed day shows its run and the failed validation check.
        await page.ClickAsync(Cell("raw", DashboardFixture.FailedDay));
        var details = await page.InnerTextAsync("#details");
        Assert.Contains(fixture.FailedBackfill, details, StringComparison.Ordinal);
        Assert.Equal("fail", await page.InnerTextAsync("#details tr[data-check='row_count_bounds'] td.v-fail"));
        await AssertHistoryAsync(page);

        // Progress bars: the full backfill is done, the failed one shows its failed share.
        Assert.Equal("100", await page.GetAttributeAsync($".progress[data-id='{fixture.FullBackfill}']", "aria-valuenow"));
        Assert.Equal("Completed", await page.GetAttributeAsync($".backfill[data-id='{fixture.FullBackfill}']", "data-status"));
        Assert.Equal("100%", await page.EvalOnSelectorAsync<string>($".progress[data-id='{fixture.FailedBackfill}'] .failed", "b => b.style.width"));

        await AssertThroughputAsync(page);

        // Late arrivals and pointer: drawn from their routes when the host serves them, "not available" when it answers 404.
        await AssertLateChartAsync(page);
        await AssertPointerAsync(page);
        await AssertVersionsAsync(page);
        await AssertLateChartDrawsBucketsWatermarkAndRollingWindowAsync(page);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        TestContext.Current.AddAttachment("dashboard.png", await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken), "image/png");
        TestContext.Current.TestOutputHelper?.WriteLine($"dashboard screenshot: {screenshot}");
        Assert.Empty(errors);
    }

    /// <summary>
    /// The failed day's history panel lists what the history route says, the rejected commit first with its failed
    /// check; the stale staging day's input link opens raw's history there, the rebuild published over a superseded commit.
    /// </summary>
    private async Task AssertHistoryAsync(IPage page)
    {
        await page.ClickAsync("#history-button");
        var rows = await DrawnHistoryAsync(page, "raw", DashboardFixture.FailedDay);
        var api = await Host.ReadJsonAsync<PartitionHistoryView>($"api/partitions/raw/{DashboardFixture.FailedDay}/history");
        Assert.Equal(api.Commits.Select(c => new[] { c.CommitId, c.State }), rows);
        Assert.Equal("rejected", rows[0][1]);
        Assert.Contains("fail row_count_bounds", await page.InnerTextAsync("#history tr[data-state='rejected'] div.v-fail[data-check='row_count_bounds']"), StringComparison.Ordinal);

        await page.ClickAsync(Cell("staging", DashboardFixture.RebuiltDay));
        Assert.True(await page.IsHiddenAsync("#history"));
        await page.ClickAsync("#history-button");
        await DrawnHistoryAsync(page, "staging", DashboardFixture.RebuiltDay);
        await page.ClickAsync($"#history a[data-dataset='raw'][data-date='{DashboardFixture.RebuiltDay}']");
        var upstream = await DrawnHistoryAsync(page, "raw", DashboardFixture.RebuiltDay);
        Assert.Equal(["published", "superseded"], upstream.Select(r => r[1]));
    }

    private static async Task<string[][]> DrawnHistoryAsync(IPage page, string dataset, string date)
    {
        var table = $"#history table.history[data-dataset='{dataset}'][data-date='{date}']";
        await page.WaitForSelectorAsync(table);
        return await page.EvalOnSelectorAllAsync<string[][]>($"{table} tr[data-commit]", "rows => rows.map(r => [r.dataset.commit, r.dataset.state])");
    }

    /// <summary>
    /// The sparkline and p50/p95 of the newest backfill (every backfill of this host has ended by now, so its window ends
    /// at its last finish and the page and the API agree to the minute): the figures the API computed from its items.
    /// </summary>
    private async Task AssertThroughputAsync(IPage page)
    {
        var newest = (await Host.Http.GetFromJsonAsync<List<BackfillView>>("api/backfills?top=1", ApiJson.Options, TestContext.Current.CancellationToken))!.Single();
        var view = await BackfillApi.GetAsync(Host, newest.Id);
        var throughput = view.Throughput!;
        var ended = view.Items!.Where(i => i.FinishedAt is not null).ToList();
        Assert.NotEmpty(ended);
        Assert.Equal(ended.Count, throughput.PerMinute.Sum());
        Assert.Equal(ended.Max(i => i.FinishedAt), throughput.WindowEnd);
        var durations = ended.Select(i => i.DurationMs).Order().ToList();
        Assert.Equal(durations[(int)Math.Ceiling(0.5 * durations.Count) - 1], throughput.P50Milliseconds);
        Assert.True(throughput.P50Milliseconds > 0, "an item that built a partition took some time");

        Assert.Equal(newest.Id, await page.GetAttributeAsync("#throughput-sparkline", "data-id"));
        Assert.Equal(string.Join(',', throughput.PerMinute), await page.GetAttributeAsync("#throughput-sparkline", "data-per-minute"));
        Assert.Equal(ItemThroughputPoints, await page.EvalOnSelectorAsync<int>("#throughput-sparkline polyline", "p => p.points.numberOfItems"));
        Assert.Equal($"{throughput.P50Milliseconds}", await page.GetAttributeAsync("#p50", "data-ms"));
        Assert.Equal($"{throughput.P95Milliseconds}", await page.GetAttributeAsync("#p95", "data-ms"));
        Assert.Matches(@"^\d+(\.\d)? m?s$", await page.InnerTextAsync("#p95"));
    }

    private async Task AssertLateChartAsync(IPage page)
    {
        using var late = await Host.Http.GetAsync($"api/late-data?from={DashboardFixture.From}&to={DashboardFixture.To}", TestContext.Current.CancellationToken);
        if (late.StatusCode == HttpStatusCode.NotFound)
        {
            Assert.Equal("404", await page.GetAttributeAsync("#late-data .unavailable", "data-status"));
            return;
        }

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        using var body = JsonDocument.Parse(await late.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var expected = body.RootElement.GetProperty("days").EnumerateArray()
            .Select(d => new[] { d.GetProperty("date").GetString()!, Total(d).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var drawn = await page.EvalOnSelectorAllAsync<string[][]>("#late-chart g.day", "gs => gs.map(g => [g.dataset.date, g.dataset.total])");
        Assert.Equal(expected, drawn);
    }

    private async Task AssertPointerAsync(IPage page)
    {
        using var pointer = await Host.Http.GetAsync("api/pointers/features", TestContext.Current.CancellationToken);
        if (pointer.StatusCode == HttpStatusCode.NotFound)
        {
            Assert.Equal("404", await page.GetAttributeAsync("#pointers .unavailable", "data-status"));
            return;
        }

        using var body = JsonDocument.Parse(await pointer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(body.RootElement.GetProperty("current").GetString(), await page.GetAttributeAsync("#pointers .pointer", "data-current"));
    }

    private async Task AssertVersionsAsync(IPage page)
    {
        var versions = await Host.ReadJsonAsync<VersionsView>("api/versions");
        var drawn = await page.EvalOnSelectorAllAsync<string[][]>("#versions tr[data-version]", "rows => rows.map(r => [r.dataset.version, r.dataset.state])");
        Assert.Equal(versions.Versions.Select(v => new[] { v.Version, v.State ?? string.Empty }), drawn);
        Assert.Equal(versions.Live, await page.GetAttributeAsync("#versions table.versions", "data-live"));
    }

    /// <summary>The page's own chart code over a known late-data body: stacked buckets, watermark, rolling window, beyond-watermark mark.</summary>
    private static async Task AssertLateChartDrawsBucketsWatermarkAndRollingWindowAsync(IPage page)
    {
        const string Data = """
            { "from": "2025-01-01", "to": "2025-01-06", "watermark": "2025-01-04", "rollingDays": 2, "days": [
              { "date": "2025-01-01", "onTime": 90, "late0To24h": 8, "late24To48h": 2, "lateOver48h": 0, "beyondWatermarkPending": 0 },
              { "date": "2025-01-02", "onTime": 80, "late0To24h": 10, "late24To48h": 5, "lateOver48h": 1, "beyondWatermarkPending": 0 },
              { "date": "2025-01-03", "onTime": 70, "late0To24h": 20, "late24To48h": 0, "lateOver48h": 0, "beyondWatermarkPending": 0 },
              { "date": "2025-01-04", "onTime": 60, "late0To24h": 0, "late24To48h": 0, "lateOver48h": 0, "beyondWatermarkPending": 0 },
              { "date": "2025-01-05", "onTime": 50, "late0To24h": 0, "late24To48h": 0, "lateOver48h": 0, "beyondWatermarkPending": 12 },
              { "date": "2025-01-06", "onTime": 0, "late0To24h": 0, "late24To48h": 0, "lateOver48h": 0, "beyondWatermarkPending": 0 } ] }
            """;
        var drawn = await page.EvaluateAsync<JsonElement>(
            """
            data => {
              const box = document.createElement("div");
              document.body.append(box);
              BackfillDashboard.renderLateChart(box, JSON.parse(data));
              const q = s => box.querySelector(s);
              const segment = (d, b) => Number(q(`g.day[data-date='${d}'] rect[data-bucket='${b}']`).getAttribute("height"));
              const result = {
                days: box.querySelectorAll("g.day").length,
                counts: [...box.querySelectorAll("g.day[data-date='2025-01-02'] rect.segment")].map(r => r.dataset.bucket + "=" + r.dataset.count),
                tallest: segment("2025-01-01", "onTime") + segment("2025-01-01", "late0To24h") + segment("2025-01-01", "late24To48h"),
                ratio: segment("2025-01-01", "onTime") / segment("2025-01-05", "onTime"),
                watermark: q("line.watermark").dataset.date,
                watermarkRightOfDay4: Number(q("line.watermark").getAttribute("x1")) > Number(q("g.day[data-date='2025-01-04'] rect").getAttribute("x")),
                rolling: [q("rect.rolling-window").dataset.from, q("rect.rolling-window").dataset.to],
                beyond: [...box.querySelectorAll("rect.beyond")].map(r => r.parentNode.dataset.date + "=" + r.dataset.count),
              };
              box.remove();
              return result;
            }
            """,
            Data);

        Assert.Equal(6, drawn.GetProperty("days").GetInt32());
        Assert.Equal(["onTime=80", "late0To24h=10", "late24To48h=5", "lateOver48h=1"], drawn.GetProperty("counts").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1.8, drawn.GetProperty("ratio").GetDouble(), 3);
        Assert.Equal("2025-01-04", drawn.GetProperty("watermark").GetString());
        Assert.True(drawn.GetProperty("watermarkRightOfDay4").GetBoolean());
        Assert.Equal(["2025-01-02", "2025-01-03"], drawn.GetProperty("rolling").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["2025-01-05=12"], drawn.GetProperty("beyond").EnumerateArray().Select(e => e.GetString()));
    }

    private static int Total(JsonElement day) =>
        Buckets.Sum(b => day.TryGetProperty(b, out var n) ? n.GetInt32() : 0);

    private static string Cell(string dataset, string date) => $"#grid td.cell[data-dataset='{dataset}'][data-date='{date}']";

    private static async Task<string?> StateAsync(IPage page, string dataset, string date) => await page.GetAttributeAsync(Cell(dataset, date), "data-state");
}
