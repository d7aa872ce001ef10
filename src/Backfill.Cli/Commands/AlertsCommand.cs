using System.CommandLine;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary><c>backfill alerts</c>: validation failures and flips, newest first.</summary>
internal static class AlertsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var range = new DayRangeOptions();
        var limit = new Option<int?>("--limit") { Description = "Most alerts to show; default chosen by the API." };
        var command = new Command("alerts", "Show alerts (failed validations, flips, rollbacks), newest first.\n\nExample:\n  backfill alerts --limit 20") { limit };
        range.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var path = ApiPath.Of("api/alerts", [.. range.Query(parse), ("limit", parse.GetValue(limit)?.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            var alerts = await cli.Api.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            cli.Show(alerts, () =>
            {
                var table = new Table().AddColumns("raised at", "severity", "kind", "dataset", "partition", "run", "message");
                foreach (var alert in alerts.Array("alerts"))
                {
                    var severity = alert.Text("severity");
                    table.AddRow(
                        Markup.Escape(alert.Text("raisedAt")), severity == "error" ? "[red]error[/]" : Markup.Escape(severity), Markup.Escape(alert.Text("kind")),
                        Markup.Escape(alert.Text("dataset")), Markup.Escape(alert.Text("partition")), Markup.Escape(alert.Text("runId")), Markup.Escape(alert.Text("message")));
                }

                cli.Console.Write(table);
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
