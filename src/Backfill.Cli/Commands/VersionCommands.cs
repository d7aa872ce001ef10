using System.CommandLine;
using System.Text.Json;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary><c>backfill versions</c> and <c>backfill versions retire V</c>: the feature versions and their version states.</summary>
internal static class VersionCommands
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command(
            "versions",
            "List the feature versions: version state (candidate, live, retiring, retired), committed watermark, committed days and gaps.\n\n"
            + "Examples:\n  backfill versions\n  backfill versions retire features_v1");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var versions = await cli.Api.SendAsync(HttpMethod.Get, "api/versions", null, cancellationToken).ConfigureAwait(false);
            cli.Show(versions, () => Render(cli.Console, versions));
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(Retire(context));
        return command;
    }

    private static Command Retire(Func<ParseResult, CliContext> context)
    {
        var version = new Argument<string>("version") { Description = "The feature version to retire, e.g. features_v1 (never the live one)." };
        var command = new Command(
            "retire", "Stop building a feature version in the daily run; its data stays. Refused for the live version.\n\nExample:\n  backfill versions retire features_v1")
        {
            version,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var versions = await cli.Api.SendAsync(HttpMethod.Post, $"api/versions/{ApiPath.Segment(parse.GetValue(version)!)}/retire", new { }, cancellationToken)
                .ConfigureAwait(false);
            cli.Show(versions, () => Render(cli.Console, versions));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, JsonElement versions)
    {
        if (versions.Text("live").Length == 0)
        {
            console.MarkupLine($"retire still running ({Markup.Escape(versions.Text("id"))}); see backfill versions");
            return;
        }

        console.MarkupLine($"[bold]{Markup.Escape(versions.Text("name"))}[/] → [green]{Markup.Escape(versions.Text("live"))}[/]  last processed day {Markup.Escape(versions.Text("lastWatermark"))}  retain {versions.Number("retainDays")} days");
        var table = new Table().AddColumns("version", "state", "daily from", "since", "committed watermark", "first", "last", "gaps");
        foreach (var v in versions.Array("versions"))
        {
            table.AddRow(
                Markup.Escape(v.Text("version")), Markup.Escape(v.Text("state")), Markup.Escape(v.Text("dailyFrom")), Markup.Escape(v.Text("since")),
                Markup.Escape(v.Text("committedWatermark")), Markup.Escape(v.Text("firstCommittedDay")), Markup.Escape(v.Text("lastCommittedDay")),
                Markup.Escape(v.Text("gaps")));
        }

        console.Write(table);
    }
}
