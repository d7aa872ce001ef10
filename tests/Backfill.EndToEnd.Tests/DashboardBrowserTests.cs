using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backfill.Core.Partitions;
using Backfill.Workflows.Api;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Microsoft.Playwright;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// <c>GET /api/dashboard</c> loaded in the distribution's headless Chromium against a real local host: the grid,
/// the backfill progress bars and the late-data chart are checked against what the API says.
/// </summary>
[Collection(DashboardGroup.Name)]
public sealed class DashboardBrowserTests(DashboardFixture fixture)
{
    private const string Chromium = "/usr/bin/chromium";
    private const int ItemThroughputPoints = Core.Progress.ItemThroughput.WindowMinutes;
    private const string ActionsFrom = "2023-11-01";
    private const string ActionsTo = "2023-11-10";
    private static readonly string[] AllLayers = ["raw", "staging", "features"];
    private static readonly string[] RebuiltDatasets = ["raw", "staging", "features_v2"];
    private static readonly string[] Buckets = ["onTime", "late0To24h", "late24To48h", "lateOver48h"];

    // A backfill or a flip on a loaded CI machine: minutes, polled by Playwright, never a fixed delay.
    private static readonly PageWaitForSelectorOptions LongWait = new() { Timeout = 300_000 };

    private LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task Dashboard_InHeadlessChromium_RendersGridProgressAndLateChart()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
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

        // Late data and pointer: drawn from their routes when the host serves them, "not available" when it answers 404.
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
    /// Every action through the page, in headless Chromium against the real host: a bad partition set answered with the
    /// problem naming the field; a 10-day backfill planned from a grid selection, started from its plan, paused, given a
    /// new max parallel and resumed from its row, watched to completion; one raw day rebuilt with its downstream after
    /// more events landed; the pointer flipped after its checks are shown, then rolled back; a running backfill canceled and
    /// another terminated from their rows. November 2023 is this test's alone.
    /// </summary>
    [Fact]
    public async Task DashboardActions_InHeadlessChromium_PlanStartRebuildFlipAndRollBack()
    {
        await BackfillApi.SeedLandingAsync(fixture.ConnectionString, Day.Parse(ActionsFrom), 10, eventsPerDay: 200);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1100 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(Host.BaseAddress, $"api/dashboard?from={ActionsFrom}&to={ActionsTo}&refresh=2000").ToString());
        await page.WaitForSelectorAsync("#plan-target option[value='features_v2']", new() { State = WaitForSelectorState.Attached });

        await PlanOfABadPartitionSet_ShowsTheProblemNamingTheFieldAsync(page);
        var backfill = await PlanAndStartTenDaysAsync(page);
        await AssertRetryFailedListsTheFailedItemsAsync(page);
        var (rebuild, published) = await RebuildOneRawDayAndItsDownstreamAsync(page, backfill);
        await ReportOfTheRebuildListsWhatItPublishedAsync(page, rebuild, published);
        await FlipAndRollBackAsync(page);
        await CancelAndTerminateFromTheirRowsAsync(page);
        Assert.Empty(errors);
    }

    /// <summary>
    /// A running backfill's Cancel, then another's Terminate, each through its confirm: each ends in its status before all
    /// 30 items ran, and the second start over the same days shows the cancel released its claims.
    /// </summary>
    private async Task CancelAndTerminateFromTheirRowsAsync(IPage page)
    {
        foreach (var (action, ended) in new[] { ("Cancel", BackfillStatus.Canceled), ("Terminate", BackfillStatus.Terminated) })
        {
            var id = await BackfillApi.StartAsync(Host, new { partitions = $"{ActionsFrom}..{ActionsTo}", target = "features_v2", layers = AllLayers, maxParallel = 1, reprocess = "all" });
            await page.ClickAsync($"{Row(id)} button[data-action='{action}']", new() { Timeout = 300_000 });
            Assert.Equal($"{action} {id}", await page.InnerTextAsync("#confirm h3"));
            await page.ClickAsync("#confirm-ok");
            await page.WaitForSelectorAsync($"{Row(id)}[data-status='{ended}']", LongWait);
            var view = await BackfillApi.GetAsync(Host, id);
            Assert.Equal(ended, view.Status);
            Assert.True(view.Counts.Succeeded < 30, $"{action}: all {view.Counts.Succeeded} items ran before it landed");
        }
    }

    private static async Task PlanOfABadPartitionSet_ShowsTheProblemNamingTheFieldAsync(IPage page)
    {
        await page.FillAsync("#plan-partitions", "2023-11-10..2023-11-01");
        await page.ClickAsync("#plan-button");
        Assert.Contains("partitions", await page.InnerTextAsync("#confirm .problem [data-field='partitions']"), StringComparison.Ordinal);
        Assert.Equal("400", await page.GetAttributeAsync("#confirm .problem", "data-status"));
        Assert.Equal(0, await page.Locator("#confirm-ok").CountAsync());
        await page.ClickAsync("#confirm-close");
    }

    /// <summary>raw of the first day to features_v2 of the last, shift-clicked: the plan is the API's dry run, item by item; Start runs it.</summary>
    private async Task<string> PlanAndStartTenDaysAsync(IPage page)
    {
        await page.ClickAsync(Cell("raw", ActionsFrom));
        await page.ClickAsync(Cell("features_v2", ActionsTo), new() { Modifiers = [KeyboardModifier.Shift] });
        Assert.Equal($"{ActionsFrom}..{ActionsTo}", await page.InputValueAsync("#plan-partitions"));
        Assert.Equal("features_v2", await page.InputValueAsync("#plan-target"));
        await page.FillAsync("#plan-max-parallel", "1");
        // None of these days has a commit yet, so reprocess "missing" chooses every item, each for that reason.
        await page.SelectOptionAsync("#plan-reprocess", "missing");
        await page.ClickAsync("#plan-button");
        await page.WaitForSelectorAsync("#plan-items", LongWait);

        var request = new { partitions = $"{ActionsFrom}..{ActionsTo}", target = "features_v2", layers = AllLayers, maxParallel = 1, writeMode = "overwrite", reprocess = "missing" };
        var (_, text) = await BackfillApi.PostAsync(Host, "api/backfills", new { request.partitions, request.target, request.layers, request.maxParallel, request.writeMode, request.reprocess, dryRun = true });
        var expected = JsonSerializer.Deserialize<DryRunView>(text, ApiJson.Options)!;
        var drawn = await page.EvalOnSelectorAllAsync<string[][]>("#plan-items tr[data-layer]", "rows => rows.map(r => [r.dataset.layer, r.dataset.date, r.dataset.action, r.cells[4].textContent])");
        Assert.Equal(expected.Items.Select(i => new[] { i.Layer, i.Date, i.Action, i.Reason ?? "" }), drawn);
        Assert.Equal(30, drawn.Length);
        Assert.All(drawn, row => Assert.Equal(("run", "missing: no live commit"), (row[2], row[3])));

        // The impact estimate below the items: a row per layer it runs, and the duration or why there is none.
        var estimated = await page.EvalOnSelectorAllAsync<string[]>("#plan-estimate-layers tr[data-layer]", "rows => rows.map(r => r.dataset.layer)");
        Assert.Equal(expected.Estimate.Layers.Select(l => l.Layer), estimated);
        Assert.StartsWith("estimate at max parallel 1: ", await page.TextContentAsync("#plan-estimate-duration"), StringComparison.Ordinal);

        await page.ClickAsync("#confirm-ok");
        var id = (await page.WaitForSelectorAsync("#started[data-id]"))!;
        var backfill = (await id.GetAttributeAsync("data-id"))!;

        // From its row: pause, a new max parallel while paused, resume; then it runs to the end.
        await page.ClickAsync($"{Row(backfill)} button[data-action='Pause']");
        await page.WaitForSelectorAsync($"{Row(backfill)}[data-status='Paused']", LongWait);
        await page.ClickAsync($"{Row(backfill)} button[data-action='Set max parallel']");
        await page.FillAsync("#max-parallel-input", "4");
        await page.ClickAsync("#confirm-ok");
        await BackfillApi.WaitAsync(Host, backfill, view => view.MaxParallel == 4);
        await page.ClickAsync($"{Row(backfill)} button[data-action='Resume']");
        await page.WaitForSelectorAsync($"{Row(backfill)}[data-status='Completed']", LongWait);

        var done = await BackfillApi.GetAsync(Host, backfill);
        Assert.Equal((BackfillStatus.Completed, 30, 4), (done.Status, done.Counts.Succeeded, done.MaxParallel));
        Assert.Equal((request.partitions, request.target, "raw,staging,features"), (done.Request.Partitions, done.Request.Target, string.Join(',', done.Request.Layers)));
        var v2 = await Host.ReadJsonAsync<PartitionsView>($"api/partitions/features_v2?from={ActionsFrom}&to={ActionsTo}");
        Assert.All(v2.Days, d => Assert.Equal((backfill, "committed"), (d.RunId, d.State)));
        return backfill;
    }

    /// <summary>The fixture's failed backfill offers Retry failed; its confirm lists exactly the failed item (closed unsent: the fixture's day stays failed).</summary>
    private async Task AssertRetryFailedListsTheFailedItemsAsync(IPage page)
    {
        await page.ClickAsync($"{Row(fixture.FailedBackfill)} button[data-action='Retry failed']");
        await page.WaitForSelectorAsync("#retry-items", LongWait);
        var items = await page.EvalOnSelectorAllAsync<string[][]>("#retry-items tr[data-layer]", "rows => rows.map(r => [r.dataset.layer, r.dataset.date])");
        Assert.Equal([["raw", DashboardFixture.FailedDay]], items);
        await page.ClickAsync("#confirm-close");
    }

    /// <summary>
    /// More events land for one day; its raw cell's Rebuild plans raw, staging and features_v2 from that day to the newest
    /// committed one (features_v2 reads 28 days); the run publishes the day's raw and staging and every features_v2 day
    /// whose window holds it, and leaves the other days' raw and staging commits as they were.
    /// </summary>
    private async Task<(string Id, string[] Changed)> RebuildOneRawDayAndItsDownstreamAsync(IPage page, string tenDayBackfill)
    {
        const string Day = "2023-11-05";
        await BackfillApi.SeedLandingAsync(fixture.ConnectionString, Core.Partitions.Day.Parse(Day), 1, eventsPerDay: 50, seed: 11, batch: "more");
        var before = await CommitsAsync();

        await page.ClickAsync(Cell("raw", Day));
        await page.ClickAsync("#rebuild-button");
        await page.WaitForSelectorAsync("#plan-items", LongWait);
        Assert.Equal($"Rebuild raw/{Day} and its downstream", await page.InnerTextAsync("#confirm h3"));
        var planned = await page.EvalOnSelectorAllAsync<string[][]>("#plan-items tr[data-layer]", "rows => rows.map(r => [r.dataset.layer, r.dataset.date])");
        var days = Enumerable.Range(4, 6).Select(d => $"2023-11-{d + 1:00}").ToArray();
        Assert.Equal(AllLayers.SelectMany(l => days.Select(d => new[] { l, d })).OrderBy(r => r[1]).ThenBy(r => r[0]),
            planned.OrderBy(r => r[1]).ThenBy(r => r[0]));
        await page.ClickAsync("#confirm-ok");
        var rebuild = (await (await page.WaitForSelectorAsync("#started[data-id]:not([data-id='" + tenDayBackfill + "'])"))!.GetAttributeAsync("data-id"))!;
        await page.WaitForSelectorAsync($"{Row(rebuild)}[data-status='Completed']", LongWait);

        var after = await CommitsAsync();
        var changed = before.Keys.Where(k => before[k] != after[k]).Order().ToArray();
        Assert.Equal(new[] { $"raw/{Day}", $"staging/{Day}" }.Concat(days.Select(d => $"features_v2/{d}")).Order(), changed);
        var v2 = await Host.ReadJsonAsync<PartitionsView>($"api/partitions/features_v2?from={ActionsFrom}&to={ActionsTo}");
        Assert.All(v2.Days, d => Assert.Equal("committed", d.State));
        return (rebuild, changed);
    }

    /// <summary>The ended rebuild's Report lists exactly the partitions whose commits changed, each with its changed rows, as the report route says.</summary>
    private async Task ReportOfTheRebuildListsWhatItPublishedAsync(IPage page, string rebuild, string[] changed)
    {
        await page.ClickAsync($"{Row(rebuild)} button[data-action='Report']");
        await page.WaitForSelectorAsync($"#report[data-id='{rebuild}']", LongWait);
        var drawn = await page.EvalOnSelectorAllAsync<string[][]>("#report-published tr[data-dataset]", "rows => rows.map(r => [r.dataset.dataset + '/' + r.dataset.date, r.dataset.changed])");
        using var report = JsonDocument.Parse(await Host.Http.GetStringAsync($"api/backfills/{rebuild}/report", TestContext.Current.CancellationToken));
        var published = report.RootElement.GetProperty("published").EnumerateArray()
            .Select(p => new[] { $"{p.GetProperty("dataset").GetString()}/{p.GetProperty("date").GetString()}", p.GetProperty("changes").GetProperty("changed").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .ToArray();
        Assert.Equal(published, drawn);
        Assert.Equal(changed, drawn.Select(r => r[0]).Order());
        Assert.All(drawn, r => Assert.NotEqual("0", r[1]));
        Assert.True(report.RootElement.GetProperty("summary").GetProperty("unchanged").GetInt32() > 0, report.RootElement.ToString());
        await page.ClickAsync("#confirm-close");
    }

    private async Task<Dictionary<string, string?>> CommitsAsync()
    {
        var commits = new Dictionary<string, string?>();
        foreach (var dataset in RebuiltDatasets)
        {
            var view = await Host.ReadJsonAsync<PartitionsView>($"api/partitions/{dataset}?from={ActionsFrom}&to={ActionsTo}");
            foreach (var day in view.Days)
            {
                commits[$"{dataset}/{day.Date}"] = day.CommitId;
            }
        }

        return commits;
    }

    /// <summary>The flip's confirm shows from → to, the completeness check and the canary before anything changes; then flip, then roll back.</summary>
    private async Task FlipAndRollBackAsync(IPage page)
    {
        var pointer = await Host.ReadJsonAsync<PointerView>("api/pointers/features");
        Assert.Equal("features_v1", pointer.Current);
        await page.SelectOptionAsync("#flip-to", "features_v2");
        await page.FillAsync("#flip-partitions", $"{ActionsFrom}..{ActionsTo}");
        await page.ClickAsync("#flip-button");
        await page.WaitForSelectorAsync("#flip-check", LongWait);
        Assert.Equal(["features_v1", "features_v2", "10"],
            [await page.GetAttributeAsync("#flip-check", "data-from"), await page.GetAttributeAsync("#flip-check", "data-to"), await page.GetAttributeAsync("#flip-completeness", "data-days")]);
        var canary = await page.EvalOnSelectorAllAsync<string[][]>("#flip-canary tr[data-date]", "rows => rows.map(r => [r.dataset.date, r.dataset.status])");
        Assert.NotEmpty(canary);
        Assert.All(canary, day => Assert.NotEqual("fail", day[1]));
        Assert.Equal(pointer.Sequence, (await Host.ReadJsonAsync<PointerView>("api/pointers/features")).Sequence);

        await page.ClickAsync("#confirm-ok");
        await page.WaitForSelectorAsync("#pointers .pointer[data-current='features_v2']", LongWait);
        Assert.Equal(("features_v2", pointer.Sequence + 1), await CurrentAsync());

        await page.ClickAsync("#rollback-button");
        Assert.Equal(["features_v2", "features_v1"], [await page.GetAttributeAsync("#rollback-check", "data-from"), await page.GetAttributeAsync("#rollback-check", "data-to")]);
        await page.ClickAsync("#confirm-ok");
        await page.WaitForSelectorAsync("#pointers .pointer[data-current='features_v1']", LongWait);
        Assert.Equal(("features_v1", pointer.Sequence + 2), await CurrentAsync());
    }

    private async Task<(string Current, long Sequence)> CurrentAsync()
    {
        var pointer = await Host.ReadJsonAsync<PointerView>("api/pointers/features");
        return (pointer.Current, pointer.Sequence);
    }

    private static string Row(string backfill) => $"#backfills .backfill[data-id='{backfill}']";

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

    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is installed (.ci/run installs the chromium package)");
        return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    private static int Total(JsonElement day) =>
        Buckets.Sum(b => day.TryGetProperty(b, out var n) ? n.GetInt32() : 0);

    private static string Cell(string dataset, string date) => $"#grid td.cell[data-dataset='{dataset}'][data-date='{date}']";

    private static async Task<string?> StateAsync(IPage page, string dataset, string date) => await page.GetAttributeAsync(Cell(dataset, date), "data-state");
}
