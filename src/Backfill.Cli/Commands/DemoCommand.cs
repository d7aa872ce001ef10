using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Backfill.Cli.Api;
using Backfill.Cli.Demo;
using Backfill.Core.Scheduling;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary>
/// <c>backfill demo</c>: the whole product story in one command — land events with late events, fill
/// features_v1, run the daily runs over the last days, backfill features_v2 beside it, flip the pointer,
/// and summarise. Every step is idempotent, so running the demo again is safe.
/// </summary>
internal static class DemoCommand
{
    private const string Pointer = "features";
    private const string OldVersion = "features_v1";
    private const string NewVersion = "features_v2";
    private const int SeedDaysPerRequest = 10;
    private static readonly DateOnly LastDay = new(2025, 3, 31);
    private static readonly TimeSpan HostStartTimeout = TimeSpan.FromMinutes(5);
    private static readonly string[] Datasets = ["raw", "staging", OldVersion, NewVersion];
    private static readonly string[] States = ["committed", "failed", "missing", "running", "stale"];
    private static readonly string[] AllLayers = ["raw", "staging", "features"];
    private static readonly string[] FeaturesOnly = ["features"];

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var days = new Option<int>("--days") { Description = "Days of events to land, ending 2025-03-31 (7-365); default 90.", DefaultValueFactory = _ => 90 };
        var dailyRuns = new Option<int>("--daily-runs") { Description = "Days at the end handled by daily runs instead of the first backfill (1-30); default 5.", DefaultValueFactory = _ => 5 };
        var events = new Option<int>("--events-per-day") { Description = "Average events per day; default 2000.", DefaultValueFactory = _ => 2000 };
        var maxParallel = new Option<int>("--max-parallel") { Description = $"Max parallel of the backfills ({MaxParallelBounds.Text}); default {MaxParallelBounds.Default}.", DefaultValueFactory = _ => MaxParallelBounds.Default };
        var exit = new Option<bool>("--exit") { Description = "Exit after the summary instead of keeping the host running until Ctrl+C." };
        var noProgress = BackfillWatch.NoProgressOption();
        var command = new Command(
            "demo",
            "Run the whole story on a local host (started for you, with Azurite, when none answers at --api): land ~90 days of events with late "
            + "arrivals, fill features_v1, run daily runs, backfill features_v2 with --max-parallel 3, flip the pointer after canary checks, "
            + "and print a summary and the dashboard URL. Safe to re-run.\n\nExamples:\n  dotnet run --project src/Backfill.Cli -- demo\n  backfill demo --days 30 --exit")
        {
            days, dailyRuns, events, maxParallel, exit, noProgress,
        };
        days.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 7 or > 365)
            {
                result.AddError("--days must be between 7 and 365.");
            }
        });
        dailyRuns.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 30)
            {
                result.AddError("--daily-runs must be between 1 and 30.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            if (parse.GetValue(dailyRuns) >= parse.GetValue(days))
            {
                cli.Console.MarkupLine("[red]error:[/] --daily-runs must be fewer than --days.");
                return ExitCodes.Usage;
            }

            var api = parse.GetValue(GlobalOptions.Api)!;
            await using var host = await EnsureHostAsync(cli, api, cancellationToken).ConfigureAwait(false);
            var first = LastDay.AddDays(1 - parse.GetValue(days));
            var lastBackfilled = LastDay.AddDays(-parse.GetValue(dailyRuns));
            var options = new DemoOptions(parse.GetValue(events), parse.GetValue(maxParallel), parse.GetValue(noProgress));

            var failures = 0;
            Step(cli, $"1. landing events {first:yyyy-MM-dd}..{LastDay:yyyy-MM-dd} (late events, duplicates, malformed lines)");
            var (seededDays, seededFiles) = await SeedAsync(cli, first, options.EventsPerDay, cancellationToken).ConfigureAwait(false);
            cli.Console.MarkupLine($"   {seededDays} days landed ({seededFiles} new files)");

            Step(cli, $"2. backfill {OldVersion} over {first:yyyy-MM-dd}..{lastBackfilled:yyyy-MM-dd}, max parallel {options.MaxParallel}");
            failures += await BackfillAsync(cli, OldVersion, $"{Day(first)}..{Day(lastBackfilled)}", AllLayers, options, cancellationToken).ConfigureAwait(false);

            Step(cli, $"3. daily runs for {lastBackfilled.AddDays(1):yyyy-MM-dd}..{LastDay:yyyy-MM-dd} (watermark D+2, rolling merge of late events, catchup)");
            failures += await DailyRunsAsync(cli, lastBackfilled.AddDays(1), cancellationToken).ConfigureAwait(false);

            // raw and staging are shared and already current: the new version needs only its own layer.
            Step(cli, $"4. backfill {NewVersion} beside {OldVersion} over {first:yyyy-MM-dd}..{LastDay:yyyy-MM-dd} (features layer), max parallel {options.MaxParallel}");
            failures += await BackfillAsync(cli, NewVersion, $"{Day(first)}..{Day(LastDay)}", FeaturesOnly, options, cancellationToken).ConfigureAwait(false);

            Step(cli, $"5. flip the pointer '{Pointer}' to {NewVersion} (completeness + canary checks)");
            failures += await FlipAsync(cli, $"{Day(first)}..{Day(LastDay)}", cancellationToken).ConfigureAwait(false);

            Step(cli, "6. summary");
            await SummaryAsync(cli, first, cancellationToken).ConfigureAwait(false);
            cli.Console.MarkupLine($"dashboard: [link]{Markup.Escape(new Uri(api, "api/dashboard").ToString())}[/]");
            if (!parse.GetValue(exit))
            {
                cli.Console.MarkupLine("The host keeps running; press Ctrl+C to stop.");
                await WaitForCtrlCAsync(cancellationToken).ConfigureAwait(false);
            }

            return failures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<LocalHostLauncher?> EnsureHostAsync(CliContext cli, Uri api, CancellationToken cancellationToken)
    {
        // Only when nothing answers is a host started: a host that answers unhealthy (its storage slow for a moment)
        // still holds the port, and a second one started on it would fail to bind. The demo waits for it instead.
        LocalHostLauncher? host = null;
        var status = await HealthAsync(cli, cancellationToken).ConfigureAwait(false);
        if (status is null)
        {
            cli.Console.MarkupLine($"no host at {Markup.Escape(api.ToString())}: starting the local host (the first run builds it and installs Azurite; this takes a minute)");
            host = LocalHostLauncher.Start(api);
        }
        else if (status != HealthView.HealthyStatus)
        {
            cli.Console.MarkupLine($"the host at {Markup.Escape(api.ToString())} answers {Markup.Escape(status)}: waiting for it to be healthy");
        }

        var deadline = DateTimeOffset.UtcNow + HostStartTimeout;
        while (status != HealthView.HealthyStatus)
        {
            if (host?.HasExited == true || DateTimeOffset.UtcNow > deadline)
            {
                var why = host?.HasExited == true ? "the local host exited" : $"the host was not healthy after {HostStartTimeout.TotalMinutes:0} min";
                var tail = host is null ? string.Empty : $"; its last output:{Environment.NewLine}{host.Tail}";
                if (host is not null)
                {
                    await host.DisposeAsync().ConfigureAwait(false);
                }

                throw new ApiUnreachableException(api, new HttpRequestException(why + tail));
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            status = await HealthAsync(cli, cancellationToken).ConfigureAwait(false);
        }

        if (host is null)
        {
            cli.Console.MarkupLine($"using the host at {Markup.Escape(api.ToString())}");
        }

        return host;
    }

    /// <summary>
    /// Lands the demo's events a few days per request: each day is generated on its own, so the result is the same as
    /// one request, and no request outlasts the CLI's HTTP timeout on a loaded machine (90 days in one did).
    /// </summary>
    private static async Task<(long Days, long Files)> SeedAsync(CliContext cli, DateOnly first, int eventsPerDay, CancellationToken cancellationToken)
    {
        var (days, files) = (0L, 0L);
        for (var from = first; from <= LastDay; from = from.AddDays(SeedDaysPerRequest))
        {
            var to = from.AddDays(SeedDaysPerRequest - 1) < LastDay ? from.AddDays(SeedDaysPerRequest - 1) : LastDay;
            var seeded = await cli.Api.SendAsync(HttpMethod.Post, "api/seed-data", new { from = Day(from), to = Day(to), eventsPerDay }, cancellationToken).ConfigureAwait(false);
            days += seeded.Number("days");
            files += seeded.Number("filesWritten");
        }

        return (days, files);
    }

    /// <summary>The host's health status, or null when nothing answers at the API address.</summary>
    private static async Task<string?> HealthAsync(CliContext cli, CancellationToken cancellationToken)
    {
        try
        {
            return (await cli.Api.GetHealthAsync(cancellationToken).ConfigureAwait(false)).Status;
        }
        catch (ApiUnreachableException)
        {
            return null;
        }
    }

    private static async Task<int> BackfillAsync(
        CliContext cli, string target, string partitions, string[] layers, DemoOptions options, CancellationToken cancellationToken)
    {
        var body = new { partitions, target, layers, maxParallel = options.MaxParallel, writeMode = "overwrite" };
        var accepted = await cli.Api.SendAsync(HttpMethod.Post, "api/backfills", body, cancellationToken).ConfigureAwait(false);
        var watch = cli with { Json = false };
        return await BackfillWatch.RunAsync(watch, accepted.Text("id"), options.NoProgress, cancellationToken).ConfigureAwait(false) == ExitCodes.Ok ? 0 : 1;
    }

    private static async Task<int> DailyRunsAsync(CliContext cli, DateOnly firstDay, CancellationToken cancellationToken)
    {
        var failed = 0;
        for (var day = firstDay; day <= LastDay; day = day.AddDays(1))
        {
            // The timer fires at 02:00 two days after the day it finishes (lag 2).
            var asOf = new DateTimeOffset(day.AddDays(2).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
            var accepted = await cli.Api.SendAsync(HttpMethod.Post, "api/daily/run", new { asOf }, cancellationToken).ConfigureAwait(false);
            var run = await DailyCommands.WaitAsync(cli, accepted.Text("id"), cancellationToken).ConfigureAwait(false);
            var ok = DailyCommands.Succeeded(run);
            failed += ok ? 0 : 1;
            cli.Console.MarkupLine($"   {Markup.Escape(run.Text("id"))}: {(ok ? "[green]ok[/]" : "[red]failed[/]")} ({run.Array("days").Count()} day(s) processed)");
        }

        return failed;
    }

    private static async Task<int> FlipAsync(CliContext cli, string range, CancellationToken cancellationToken)
    {
        var pointer = await cli.Api.SendAsync(HttpMethod.Get, $"api/pointers/{Pointer}", null, cancellationToken).ConfigureAwait(false);
        if (pointer.Text("current") == NewVersion)
        {
            cli.Console.MarkupLine($"   already on {NewVersion} (sequence {pointer.Number("sequence")})");
            return 0;
        }

        try
        {
            var flipped = await cli.Api.SendAsync(HttpMethod.Post, $"api/pointers/{Pointer}/flip", new { to = NewVersion, expectedCurrent = pointer.Text("current"), range }, cancellationToken)
                .ConfigureAwait(false);
            cli.Console.MarkupLine($"   {Pointer} → [green]{Markup.Escape(flipped.Text("current"))}[/] (sequence {flipped.Number("sequence")})");
            return 0;
        }
        catch (ApiException ex)
        {
            // The pointer stays where it was; the reason (missing days, a canary failure) is the point of the check.
            cli.Console.MarkupLine($"   [red]flip refused[/]: {Markup.Escape(ex.Message)}");
            return 1;
        }
    }

    private static async Task SummaryAsync(CliContext cli, DateOnly first, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumn("dataset");
        foreach (var state in States)
        {
            table.AddColumn(new TableColumn(state).RightAligned());
        }

        foreach (var dataset in Datasets)
        {
            var partitions = await cli.Api.SendAsync(HttpMethod.Get, ApiPath.Of($"api/partitions/{dataset}", ("from", Day(first)), ("to", Day(LastDay))), null, cancellationToken)
                .ConfigureAwait(false);
            var counts = partitions.Array("days").CountBy(d => d.Text("state")).ToDictionary();
            table.AddRow([dataset, .. States.Select(s => counts.GetValueOrDefault(s).ToString(CultureInfo.InvariantCulture))]);
        }

        cli.Console.Write(table);
        var late = await cli.Api.SendAsync(HttpMethod.Get, ApiPath.Of("api/late-data", ("from", Day(first)), ("to", Day(LastDay))), null, cancellationToken).ConfigureAwait(false);
        long Sum(string field) => late.Array("days").Sum(d => d.Number(field));
        cli.Console.MarkupLine(
            $"late data: {Sum("onTime")} on time, {Sum("late0To24h")} 0-24 h late, {Sum("late24To48h")} 24-48 h late, {Sum("lateOver48h")} over 48 h late; "
            + $"rolling reprocess picked up {Sum("pickedUpByRolling")}, repair {Sum("repairedAfterWindow")}, {Sum("beyondWatermarkPending")} pending; watermark {Markup.Escape(late.Text("watermark"))}");
        var pointer = await cli.Api.SendAsync(HttpMethod.Get, $"api/pointers/{Pointer}", null, cancellationToken).ConfigureAwait(false);
        cli.Console.MarkupLine($"pointer: {Pointer} → [bold]{Markup.Escape(pointer.Text("current"))}[/] (sequence {pointer.Number("sequence")}, {pointer.Array("history").Count()} in history)");
    }

    private static async Task WaitForCtrlCAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C is how this demo ends; disposing the launcher stops the host it started.
        }
    }

    private static void Step(CliContext cli, string title) => cli.Console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record DemoOptions(int EventsPerDay, int MaxParallel, bool NoProgress);
}
