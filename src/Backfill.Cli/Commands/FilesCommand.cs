using System.CommandLine;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary>
/// <c>backfill files</c>: the live files of a day range, for DuckDB, pandas or Spark to read. Only the files the
/// manifests name: a glob over the partition folders would also read staged, rejected and superseded commits. Days
/// without a live commit are named on stderr and exit 1, so a script stops instead of training on fewer days.
/// </summary>
internal static class FilesCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var dataset = new Option<string>("--dataset") { Description = "features (resolved through the pointer, once for the whole range) or a feature version such as features_v2.", DefaultValueFactory = _ => "features" };
        var range = new DayRangeOptions(required: true);
        var paths = new Option<bool>("--paths") { Description = "Print only az://{container}/{path} per file, one per line (what DuckDB's azure extension and adlfs read)." };
        var command = new Command(
            "files",
            "List the live files of a day range: what a training job should read, and nothing else.\n\nExample:\n  backfill files --dataset features --from 2025-01-01 --to 2025-01-31 --paths")
        {
            dataset, paths,
        };
        range.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var path = ApiPath.Of($"api/files/{ApiPath.Segment(parse.GetValue(dataset)!)}", range.Query(parse));
            var list = await cli.Api.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            cli.Show(list, () =>
            {
                var container = list.Text("container");
                var files = list.Array("days").SelectMany(day => day.Array("files").Select(file => (Day: day, File: file))).ToList();
                if (parse.GetValue(paths))
                {
                    // Plain lines, so that shells and scripts can take them as they are.
                    foreach (var (_, file) in files)
                    {
                        cli.Console.Profile.Out.Writer.WriteLine($"az://{container}/{file.Text("path")}");
                    }

                    return;
                }

                var table = new Table().AddColumn("date").AddColumn("commit").AddColumn(new TableColumn("rows").RightAligned()).AddColumn("path");
                foreach (var (day, file) in files)
                {
                    table.AddRow(Markup.Escape(day.Text("date")), Markup.Escape(day.Text("commitId")), file.Text("rowCount"), Markup.Escape(file.Text("path")));
                }

                cli.Console.Write(table);
                cli.Console.MarkupLine(
                    $"{Markup.Escape(list.Text("dataset"))} → {Markup.Escape(list.Text("resolvedDataset"))} {Markup.Escape(list.Text("from"))}..{Markup.Escape(list.Text("to"))}: "
                    + $"{list.Number("fileCount")} file(s), {list.Number("rowCount")} rows, in container {Markup.Escape(container)}");
            });
            var missing = list.Array("missing").Select(day => day.GetString()!).ToList();
            if (missing.Count == 0)
            {
                return ExitCodes.Ok;
            }

            cli.Warn($"no live commit of {list.Text("resolvedDataset")} for {missing.Count} day(s): {string.Join(", ", missing)}");
            return ExitCodes.Failed;
        });
        return command;
    }
}
