using System.CommandLine;
using System.Text.Json;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary><c>backfill daily run|status|watermark</c>: trigger and inspect the daily run.</summary>
internal static class DailyCommands
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("daily", "Trigger or inspect the daily run (watermark, rolling reprocess, catchup).\n\nExamples:\n  backfill daily run --as-of 2025-03-09T02:00:00Z --wait\n  backfill daily watermark");
        command.Subcommands.Add(Run(context));
        command.Subcommands.Add(Status(context));
        command.Subcommands.Add(Watermark(context));
        return command;
    }

    private static Command Run(Func<ParseResult, CliContext> context)
    {
        var asOf = new Option<DateTimeOffset?>("--as-of") { Description = "The run time to act as, e.g. 2025-03-09T02:00:00Z (default: now)." };
        var wait = new Option<bool>("--wait") { Description = "Wait for the run to end (exit 1 if a day failed)." };
        var command = new Command("run", "Start the daily run for a run time; a second trigger for the same day returns the same run.\n\nExample:\n  backfill daily run --as-of 2025-03-09T02:00:00Z --wait") { asOf, wait };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var body = parse.GetValue(asOf) is { } time ? new { asOf = time.ToUniversalTime() } : (object)new { };
            var accepted = await cli.Api.SendAsync(HttpMethod.Post, "api/daily/run", body, cancellationToken).ConfigureAwait(false);
            var id = accepted.Text("id");
            if (!parse.GetValue(wait))
            {
                cli.Show(accepted, () => cli.Console.MarkupLine($"daily run [bold]{Markup.Escape(id)}[/] started; follow it with: backfill daily status {Markup.Escape(id)}"));
                return ExitCodes.Ok;
            }

            var run = await WaitAsync(cli, id, cancellationToken).ConfigureAwait(false);
            cli.Show(run, () => Render(cli.Console, run));
            return Succeeded(run) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static Command Status(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "The daily run id (daily-YYYY-MM-DD)." };
        var command = new Command("status", "Show one daily run and its days.\n\nExample:\n  backfill daily status daily-2025-03-09") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var run = await GetAsync(cli, parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            cli.Show(run, () => Render(cli.Console, run));
            return !IsFinished(run) || Succeeded(run) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static Command Watermark(Func<ParseResult, CliContext> context)
    {
        var command = new Command("watermark", "Show the daily run's watermark: the newest day committed with every day before it.\n\nExample:\n  backfill daily watermark");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var watermark = await cli.Api.SendAsync(HttpMethod.Get, "api/daily/watermark", null, cancellationToken).ConfigureAwait(false);
            cli.Show(watermark, () => cli.Console.MarkupLine($"watermark {Markup.Escape(watermark.Text("watermark") is { Length: > 0 } day ? day : "none yet")}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Polls a daily run until it ends and returns its last status.</summary>
    public static async Task<JsonElement> WaitAsync(CliContext cli, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var run = await GetAsync(cli, id, cancellationToken).ConfigureAwait(false);
            if (IsFinished(run))
            {
                return run;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public static bool Succeeded(JsonElement run) => run.Text("status") == "completed";

    private static Task<JsonElement> GetAsync(CliContext cli, string id, CancellationToken cancellationToken) =>
        cli.Api.SendAsync(HttpMethod.Get, $"api/daily/{ApiPath.Segment(id)}", null, cancellationToken);

    private static bool IsFinished(JsonElement run) => run.Text("runtimeStatus") is "completed" or "failed" or "terminated";

    private static void Render(IAnsiConsole console, JsonElement run)
    {
        console.MarkupLine($"[bold]{Markup.Escape(run.Text("id"))}[/]  {Markup.Escape(run.Text("status") is { Length: > 0 } status ? status : run.Text("runtimeStatus"))}  "
            + $"watermark day {Markup.Escape(run.Text("watermark"))}, committed watermark {Markup.Escape(run.Text("committedWatermarkBefore"))} → {Markup.Escape(run.Text("committedWatermark"))}");
        var table = new Table().AddColumns("date", "role", "committed", "layers", "error");
        foreach (var day in run.Array("days"))
        {
            var layers = day.Array("layers").ToList();
            table.AddRow(
                day.Text("date"), Markup.Escape(day.Text("role")), day.Text("committed") == "true" ? "[green]yes[/]" : "[red]no[/]",
                Markup.Escape(string.Join(" ", layers.Select(l => $"{l.Text("layer")}:{l.Text("outcome")}"))),
                Markup.Escape(layers.Select(l => l.Text("error")).FirstOrDefault(e => e.Length > 0) ?? string.Empty));
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
        }

        if (run.Array("repairsQueued").Any())
        {
            console.MarkupLine($"queued for repair: {Markup.Escape(string.Join(", ", run.Array("repairsQueued").Select(d => d.GetString())))}");
        }
    }
}
