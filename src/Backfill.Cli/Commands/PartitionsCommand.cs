using System.CommandLine;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary>
/// <c>backfill partitions</c>: one dataset's days as committed, failed, missing, running or stale, with validation;
/// <c>backfill partitions rollback</c> makes an earlier commit of one partition live again.
/// </summary>
internal static class PartitionsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var dataset = Dataset();
        var range = new DayRangeOptions();
        var command = new Command(
            "partitions",
            "Show a dataset's partitions: state, commit, rows and a validation summary per day.\n\n"
            + "Examples:\n  backfill partitions features_v2 --from 2025-01-01 --to 2025-01-31\n  backfill partitions rollback raw 2025-01-10 --to-commit 0193…")
        {
            dataset,
            Rollback(context),
        };
        range.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var path = ApiPath.Of($"api/partitions/{ApiPath.Segment(parse.GetValue(dataset)!)}", range.Query(parse));
            var partitions = await cli.Api.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            cli.Show(partitions, () =>
            {
                var table = new Table().AddColumns("date", "state", "rows", "commit", "run", "validation", "reason");
                foreach (var day in partitions.Array("days"))
                {
                    var summary = ValidationSummary.Of(day.Array("validation"));
                    table.AddRow(
                        day.Text("date"), State(day.Text("state")), day.Text("rows"), Markup.Escape(day.Text("commitId")), Markup.Escape(day.Text("runId")),
                        Markup.Escape(summary), Markup.Escape(day.Text("reason")));
                }

                cli.Console.Write(table);
                var states = partitions.Array("days").CountBy(d => d.Text("state")).Select(s => $"{s.Value} {s.Key}");
                cli.Console.MarkupLine($"{Markup.Escape(partitions.Text("dataset"))} {Markup.Escape(partitions.Text("from"))}..{Markup.Escape(partitions.Text("to"))}: {string.Join(", ", states)}");
            });
            return partitions.Array("days").Any(d => d.Text("state") == "failed") ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Rollback(Func<ParseResult, CliContext> context)
    {
        var dataset = Dataset();
        var date = Date();
        var toCommit = new Option<string>("--to-commit")
        {
            Description = "The earlier commit to make live again: one the partition's manifest remembers (see its lineage).",
            Required = true,
        };
        var command = new Command(
            "rollback",
            "Make an earlier commit of one partition live again. The newer commits' lineage says rolled_back and a warning alert is raised.\n\n"
            + "Example:\n  backfill partitions rollback raw 2025-01-10 --to-commit 0193…")
        {
            dataset,
            date,
            toCommit,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var path = $"api/partitions/{ApiPath.Segment(parse.GetValue(dataset)!)}/{ApiPath.Segment(parse.GetValue(date)!)}/rollback";
            var answer = await cli.Api.SendAsync(HttpMethod.Post, path, new { toCommit = parse.GetValue(toCommit) }, cancellationToken).ConfigureAwait(false);
            cli.Show(answer, () => cli.Console.MarkupLine(
                $"{Markup.Escape(answer.Text("dataset"))} {Markup.Escape(answer.Text("date"))}: commit [green]{Markup.Escape(answer.Text("commitId"))}[/] is live again; "
                + $"rolled back {Markup.Escape(string.Join(", ", answer.Array("rolledBack").Select(c => c.GetString())))} ({Markup.Escape(answer.Text("runId"))})"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The dataset argument of the partition commands.</summary>
    internal static Argument<string> Dataset() => new("dataset") { Description = "raw, staging, features_v1, features_v2, ..." };

    /// <summary>The day argument of the commands about one partition.</summary>
    internal static Argument<string> Date() => new("date") { Description = "The partition's day (YYYY-MM-DD)." };

    private static string State(string state) => state switch
    {
        "committed" => "[green]committed[/]",
        "failed" => "[red]failed[/]",
        "running" => "[blue]running[/]",
        "stale" => "[yellow]stale[/]",
        _ => Markup.Escape(state),
    };
}
