using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary><c>backfill history</c>: every commit of one partition, newest first, with its state, validation and inputs.</summary>
internal static class HistoryCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var dataset = PartitionsCommand.Dataset();
        var date = PartitionsCommand.Date();
        var limit = new Option<int?>("--limit") { Description = "Most commits to show, newest first (1-500); default chosen by the API (50)." };
        var command = new Command(
            "history",
            "Show every commit of one partition, newest first: state (published, superseded, rejected, ...), run, trigger, "
            + "code version, config hash, write mode, rows, content hash, validation, the input commits it read, and for a day split into "
            + "buckets how many workers built them.\n\n"
            + "Example:\n  backfill history staging 2025-01-10")
        {
            dataset,
            date,
            limit,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var path = ApiPath.Of(
                $"api/partitions/{ApiPath.Segment(parse.GetValue(dataset)!)}/{ApiPath.Segment(parse.GetValue(date)!)}/history",
                ("limit", parse.GetValue(limit)?.ToString(CultureInfo.InvariantCulture)));
            var history = await cli.Api.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            cli.Show(history, () =>
            {
                // One field-per-row table per commit: a commit has a dozen fields and ids of 36 or more characters,
                // which a one-row-per-commit table would squeeze into unreadable slivers on an 80-column terminal.
                var commits = history.Array("commits").ToList();
                foreach (var commit in commits)
                {
                    cli.Console.MarkupLine($"{Markup.Escape(commit.Text("commitId"))} {State(commit.Text("state"))}");
                    var table = new Table().HideHeaders().AddColumns("field", "value");
                    foreach (var (field, value) in Fields(commit))
                    {
                        table.AddRow(field, Markup.Escape(value));
                    }

                    cli.Console.Write(table);
                }

                cli.Console.MarkupLine(
                    $"{Markup.Escape(history.Text("dataset"))}/{Markup.Escape(history.Text("date"))}: {commits.Count} of {history.Text("total")} commit(s) shown, newest first; "
                    + $"live {Markup.Escape(history.Text("liveCommitId") is { Length: > 0 } live ? live : "none")}");
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IEnumerable<(string Field, string Value)> Fields(JsonElement commit)
    {
        yield return ("run", $"{commit.Text("runId")} ({commit.Text("trigger")})");
        yield return ("code version", commit.Text("codeVersion"));
        yield return ("config hash", commit.Text("configHash"));
        yield return ("write mode", commit.Text("writeMode"));
        yield return ("rows", commit.Text("rows"));
        yield return ("content hash", commit.Text("contentHash"));

        // A day split into buckets: how it spread (the JSON lists every bucket).
        if (commit.Array("buckets").ToList() is { Count: > 0 } buckets)
        {
            var rows = buckets.Select(b => b.Number("rows")).ToList();
            yield return ("buckets", string.Create(
                CultureInfo.InvariantCulture,
                $"{buckets.Count} on {buckets.Select(b => b.Text("worker")).Distinct().Count()} worker(s), {rows.Min():N0}–{rows.Max():N0} rows each"));
        }

        yield return ("published at", commit.Text("publishedAt"));
        yield return ("validation", ValidationSummary.Of(commit.Array("validationResults")));

        // Only the checks that did not pass: those are why a commit was rejected or warned about.
        foreach (var result in commit.Array("validationResults").Where(r => r.Text("status") != "pass"))
        {
            yield return ($"  {result.Text("status")}", $"{result.Text("name")}: {result.Text("message")}");
        }

        foreach (var input in commit.Array("inputs"))
        {
            yield return ("input", $"{input.Text("dataset")}/{input.Text("date")}@{input.Text("commitId")}");
        }
    }

    private static string State(string state) => state switch
    {
        "published" => "[green]published[/]",
        "rejected" => "[red]rejected[/]",
        "superseded" => "[grey]superseded[/]",
        _ => Markup.Escape(state),
    };
}
