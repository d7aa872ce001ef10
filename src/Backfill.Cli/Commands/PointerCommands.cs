using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary><c>backfill pointer get|flip|rollback</c>: the pointer naming the feature version readers use.</summary>
internal static class PointerCommands
{
    private const string DeprecatedRange = "--range";

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("pointer", "Show, flip or roll back a pointer (which feature version readers see).\n\nExamples:\n  backfill pointer get features\n  backfill pointer flip features --to features_v2\n  backfill pointer rollback features");
        command.Subcommands.Add(Get(context));
        command.Subcommands.Add(Flip(context));
        command.Subcommands.Add(Rollback(context));
        return command;
    }

    private static Argument<string> Name() => new("name") { Description = "The pointer, e.g. features.", DefaultValueFactory = _ => "features" };

    private static Command Get(Func<ParseResult, CliContext> context)
    {
        var name = Name();
        var command = new Command("get", "Show a pointer's current version and its history.\n\nExample:\n  backfill pointer get features") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var pointer = await cli.Api.SendAsync(HttpMethod.Get, $"api/pointers/{ApiPath.Segment(parse.GetValue(name)!)}", null, cancellationToken).ConfigureAwait(false);
            cli.Show(pointer, () => Render(cli.Console, pointer));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Flip(Func<ParseResult, CliContext> context)
    {
        var name = Name();
        var to = new Option<string>("--to") { Description = "The feature version to flip to, e.g. features_v2.", Required = true };
        var expected = new Option<string?>("--expected-current") { Description = "Flip only if the pointer still names this version (default: the version it names now)." };
        // --range is the deprecated name of --partitions, kept for one release: every other command says --partitions.
        var partitions = new Option<string?>("--partitions", DeprecatedRange)
        {
            Description = "Partition set that must be complete in the new version (default: the days the current version has). --range is its deprecated alias.",
        };
        var command = new Command(
            "flip",
            "Flip a pointer to a new feature version after completeness and canary checks; readers move all at once.\n\nExample:\n  backfill pointer flip features --to features_v2 --expected-current features_v1")
        {
            name, to, expected, partitions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var path = $"api/pointers/{ApiPath.Segment(parse.GetValue(name)!)}";
            var expectedCurrent = parse.GetValue(expected);
            if (expectedCurrent is null)
            {
                var now = await cli.Api.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
                expectedCurrent = now.Text("current");
            }

            var body = new Dictionary<string, object?> { ["to"] = parse.GetValue(to), ["expectedCurrent"] = expectedCurrent };
            if (parse.GetValue(partitions) is { } set)
            {
                body["partitions"] = set;
                if (parse.GetResult(partitions)?.IdentifierToken?.Value == DeprecatedRange)
                {
                    cli.Warn("--range is deprecated and will be removed in the next release; use --partitions.");
                }
            }

            var pointer = await cli.Api.SendAsync(HttpMethod.Post, path + "/flip", body, cancellationToken).ConfigureAwait(false);
            cli.Show(pointer, () => Render(cli.Console, pointer));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Rollback(Func<ParseResult, CliContext> context)
    {
        var name = Name();
        var sequence = new Option<long?>("--expected-sequence") { Description = "Roll back only if the pointer is still at this sequence number." };
        var command = new Command("rollback", "Point readers back at the previous version.\n\nExample:\n  backfill pointer rollback features --expected-sequence 2") { name, sequence };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var body = parse.GetValue(sequence) is { } expectedSequence ? new { expectedSequence } : (object)new { };
            var pointer = await cli.Api.SendAsync(HttpMethod.Post, $"api/pointers/{ApiPath.Segment(parse.GetValue(name)!)}/rollback", body, cancellationToken).ConfigureAwait(false);
            cli.Show(pointer, () => Render(cli.Console, pointer));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, JsonElement pointer)
    {
        if (pointer.Text("current").Length == 0)
        {
            // 202: the flip is still running; the API says where to look.
            console.MarkupLine($"flip still running; follow it at {Markup.Escape(pointer.Text("statusUri"))}");
            return;
        }

        console.MarkupLine($"[bold]{Markup.Escape(pointer.Text("name"))}[/] → [green]{Markup.Escape(pointer.Text("current"))}[/]  sequence {pointer.Number("sequence")}"
            + (pointer.Text("flippedAt").Length > 0 ? $"  flipped {Markup.Escape(pointer.Text("flippedAt"))} by {Markup.Escape(pointer.Text("flippedBy"))}" : string.Empty));
        var table = new Table().AddColumns("sequence", "version", "flipped at", "flipped by");
        foreach (var entry in pointer.Array("history"))
        {
            table.AddRow(entry.Number("sequence").ToString(CultureInfo.InvariantCulture), Markup.Escape(entry.Text("version")), Markup.Escape(entry.Text("flippedAt")), Markup.Escape(entry.Text("flippedBy")));
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
        }
    }
}
