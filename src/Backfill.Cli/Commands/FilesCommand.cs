using System.CommandLine;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary>
/// <c>backfill files</c>: the live files of a day range, for DuckDB, pandas or Spark to read. Only the files the
/// manifests name: a glob over the partition folders would also read staged, rejected and superseded commits.
/// </summary>
internal static class FilesCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var dataset = new Option<string>("--dataset") { Description = "features (resolved through the pointer, once for the whole range) or a dataset such as features_v2.", DefaultValueFactory = _ => "features" };
        var from = new Option<string>("--from") { Description = "First day (YYYY-MM-DD).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day (YYYY-MM-DD).", Required = true };
        var paths = new Option<bool>("--paths") { Description = "Print only az://{container}/{path} per file, one per line (what DuckDB's azure extension and adlfs read)." };
        var command = new Command(
            "files",
            "List the live files of a day range: what a training job should read, and nothing else.\n\nExample:\n  backfill files --dataset features --from 2025-01-01 --to 2025-01-31 --paths")
        {
            dataset, from, to, paths,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var path = ApiPath.Of($"api/files/{ApiPath.Segment(parse.GetValue(dataset)!)}", ("from", parse.GetValue(from)), ("to", parse.GetValue(to)));
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
                var missing = list.Array("missing").Select(d => d.GetString()!).ToList();
                cli.Console.MarkupLine(
                    $"{Markup.Escape(list.Text("dataset"))} → {Markup.Escape(list.Text("resolvedDataset"))} {Markup.Escape(list.Text("from"))}..{Markup.Escape(list.Text("to"))}: "
                    + $"{list.Number("fileCount")} file(s), {list.Number("rowCount")} rows, in container {Markup.Escape(container)}"
                    + (missing.Count == 0 ? string.Empty : $"; [yellow]no live commit[/] for {Markup.Escape(string.Join(", ", missing))}"));
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
