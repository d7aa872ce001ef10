using System.CommandLine;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary><c>backfill read</c>: a partition's rows as training reads them, through the pointer for <c>features</c>.</summary>
internal static class ReadCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var dataset = new Option<string>("--dataset") { Description = "features (resolved through the pointer) or a dataset such as features_v2.", DefaultValueFactory = _ => "features" };
        var date = new Option<string>("--date") { Description = "The partition's day (YYYY-MM-DD).", Required = true };
        var limit = new Option<int>("--limit") { Description = "Most rows to show; default 20.", DefaultValueFactory = _ => 20 };
        var command = new Command("read", "Read one partition the way training does (the pointer decides the version for 'features').\n\nExample:\n  backfill read --dataset features --date 2025-01-05") { dataset, date, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var path = ApiPath.Of(
                $"api/read/{ApiPath.Segment(parse.GetValue(dataset)!)}/{ApiPath.Segment(parse.GetValue(date)!)}",
                ("limit", parse.GetValue(limit).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var read = await cli.Api.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            cli.Show(read, () =>
            {
                var rows = read.Array("rows").ToList();
                var columns = rows.Count > 0 ? rows[0].EnumerateObject().Select(p => p.Name).ToList() : [];
                var table = new Table();
                foreach (var column in columns)
                {
                    table.AddColumn(column);
                }

                foreach (var row in rows)
                {
                    table.AddRow(columns.Select(c => Markup.Escape(row.Text(c))).ToArray());
                }

                if (columns.Count > 0)
                {
                    cli.Console.Write(table);
                }

                cli.Console.MarkupLine($"{Markup.Escape(read.Text("dataset"))} → {Markup.Escape(read.Text("resolvedDataset"))} {Markup.Escape(read.Text("date"))}: "
                    + $"{read.Number("rowCount")} rows in commit {Markup.Escape(read.Text("commitId"))} (showing {rows.Count})");
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
