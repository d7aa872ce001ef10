using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary>
/// <c>backfill report ID</c>: the repair report of a finished backfill. What it published with rows before and after,
/// the changed rows and the largest feature mean shifts; the rest of the context range proven unchanged; the stale
/// downstream with the command that repairs it.
/// </summary>
internal static class ReportCommand
{
    // The shifts a row shows: a version has a dozen features, and the largest moves are the ones to look at.
    private const int ShiftsShown = 3;

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "The backfill id (bf-…)." };
        var from = new Option<string?>("--from") { Description = "First day of the context range (YYYY-MM-DD); default the first day of the backfill's first month." };
        var to = new Option<string?>("--to") { Description = "Last day of the context range (YYYY-MM-DD); default the last day of the backfill's last month." };
        var command = new Command(
            "report",
            "Show what a finished backfill changed, with deltas against the commits it superseded, proof that the other partitions of "
            + "its datasets in the context range are unchanged since it started, and the downstream partitions it made stale.\n\n"
            + "Example:\n  backfill report bf-2f0c... --from 2025-01-01 --to 2025-01-31")
        {
            id,
            from,
            to,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var path = ApiPath.Of($"api/backfills/{ApiPath.Segment(parse.GetValue(id)!)}/report", ("from", parse.GetValue(from)), ("to", parse.GetValue(to)));
            var report = await cli.Api.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            cli.Show(report, () => Show(cli.Console, report));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Show(IAnsiConsole console, JsonElement report)
    {
        var summary = report.GetProperty("summary");
        console.MarkupLine(
            $"[bold]{Markup.Escape(report.Text("id"))}[/] ({Markup.Escape(report.Text("status"))}) {Markup.Escape(report.Text("target"))} {Markup.Escape(report.Text("partitions"))}, "
            + $"started {Markup.Escape(report.Text("startedAt"))}");
        var published = new Table().AddColumns("partition", "rows before → after", "changed rows");
        foreach (var partition in report.Array("published"))
        {
            var before = partition.Text("before") == "new" ? "new" : partition.Text("rowsBefore");
            published.AddRow(
                Markup.Escape($"{partition.Text("dataset")}/{partition.Text("date")}"),
                Markup.Escape($"{before} → {partition.Text("rowsAfter")}"),
                Markup.Escape(partition.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Object ? changes.Text("changed") : partition.Text("before")));
        }

        console.MarkupLine($"published: {summary.Text("published")}");
        console.Write(published);

        // Below the table: a cell would wrap the shifts of a dozen features into an unreadable column.
        foreach (var partition in report.Array("published").Where(p => Shifts(p).Length > 0))
        {
            console.MarkupLine($"  {Markup.Escape($"{partition.Text("dataset")}/{partition.Text("date")}")} largest mean shifts: {Markup.Escape(Shifts(partition))}");
        }

        console.MarkupLine(
            $"{Markup.Escape(report.Text("from"))}..{Markup.Escape(report.Text("to"))}, not published by it: [green]{summary.Text("unchanged")} unchanged[/] since it started "
            + $"(manifest Last-Modified before the start; ETags in --json), {summary.Text("changedSinceStart")} changed since by other runs, {summary.Text("missing")} missing");
        foreach (var other in report.Array("untouched").Where(u => u.Text("verdict") == "changedSinceStart"))
        {
            console.MarkupLine($"  [yellow]changed since start[/] {Markup.Escape($"{other.Text("dataset")}/{other.Text("date")}")} by {Markup.Escape(other.Text("runId"))} at {Markup.Escape(other.Text("lastModified"))}");
        }

        console.MarkupLine($"stale downstream: {summary.Text("stale")}");
        foreach (var stale in report.Array("stale"))
        {
            console.MarkupLine($"  [yellow]stale[/] {Markup.Escape($"{stale.Text("dataset")}/{stale.Text("date")}")}: {Markup.Escape(stale.Text("reason"))}");
        }

        foreach (var repair in report.Array("repairs"))
        {
            console.MarkupLine($"repair with: [bold]{Markup.Escape(repair.Text("command"))}[/]");
        }
    }

    private static string Shifts(JsonElement partition) => string.Join(
        ", ",
        partition.Array("meanShifts")
            .Where(s => s.TryGetProperty("shift", out var shift) && shift.ValueKind == JsonValueKind.Number)
            .Select(s => (Feature: s.Text("feature"), Shift: s.GetProperty("shift").GetDouble()))
            .Where(s => s.Shift != 0)
            .OrderByDescending(s => Math.Abs(s.Shift))
            .Take(ShiftsShown)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Feature} {s.Shift:+0.###;-0.###}")));
}
