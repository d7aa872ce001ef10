using System.CommandLine;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary><c>backfill late-data</c>: per event day, how late its events landed and how they were picked up.</summary>
internal static class LateDataCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var range = new DayRangeOptions();
        var command = new Command("late-data", "Show late-data metrics per event day: lateness buckets, what first processing, rolling reprocess and repair picked up.\n\nExample:\n  backfill late-data --from 2025-01-01 --to 2025-01-31");
        range.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var late = await cli.Api.SendAsync(HttpMethod.Get, ApiPath.Of("api/late-data", range.Query(parse)), null, cancellationToken).ConfigureAwait(false);
            cli.Show(late, () =>
            {
                string[] columns = ["onTime", "late0To24h", "late24To48h", "lateOver48h", "includedAtFirstProcessing", "pickedUpByRolling", "repairedAfterWindow", "beyondWatermarkPending", "duplicates", "malformed"];
                var table = new Table().AddColumn("date");
                foreach (var column in columns)
                {
                    table.AddColumn(new TableColumn(column).RightAligned());
                }

                foreach (var day in late.Array("days"))
                {
                    table.AddRow([day.Text("date"), .. columns.Select(c => c == "beyondWatermarkPending" && day.Number(c) > 0 ? $"[yellow]{day.Number(c)}[/]" : day.Text(c))]);
                }

                cli.Console.Write(table);
                cli.Console.MarkupLine($"{Markup.Escape(late.Text("from"))}..{Markup.Escape(late.Text("to"))}  watermark {Markup.Escape(late.Text("watermark"))}  rolling days {late.Number("rollingDays")}");
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
