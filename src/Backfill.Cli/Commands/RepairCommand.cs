using System.CommandLine;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary>
/// <c>backfill repair --stale</c>: a backfill with <c>reprocess: stale</c> over a day range, which rebuilds every stale partition
/// of the target and whatever reads it in the range. One API call (two without <c>--target</c>: the pointer names the live version).
/// </summary>
internal static class RepairCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var stale = new Option<bool>("--stale") { Description = "Rebuild stale partitions (whose input changed since they were built) and what reads them." };
        var from = new Option<string>("--from") { Description = "First day (YYYY-MM-DD).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day (YYYY-MM-DD).", Required = true };
        var target = new Option<string?>("--target") { Description = "Feature version to repair, e.g. features_v2; default the version the features pointer names." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the plan, item by item with reasons; write nothing." };
        var command = new Command(
            "repair",
            "Rebuild every stale partition in a day range, and whatever depends on it (a backfill with --reprocess stale).\n\nExamples:\n  backfill repair --stale --from 2025-01-01 --to 2025-01-31 --dry-run\n  backfill repair --stale --from 2025-01-01 --to 2025-01-31 --target features_v2")
        {
            stale, from, to, target, dryRun,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            if (!parse.GetValue(stale))
            {
                cli.Console.MarkupLine("[red]error:[/] repair needs --stale: it rebuilds stale partitions and what reads them.");
                return ExitCodes.Usage;
            }

            var version = parse.GetValue(target) ?? (await cli.Api.SendAsync(HttpMethod.Get, "api/pointers/features", null, cancellationToken).ConfigureAwait(false))
                .GetProperty("current").GetString()!;
            var partitions = $"{parse.GetValue(from)}..{parse.GetValue(to)}";
            var body = new Dictionary<string, object?> { ["partitions"] = partitions, ["target"] = version, ["reprocess"] = "stale" };
            if (parse.GetValue(dryRun))
            {
                body["dryRun"] = true;
            }

            try
            {
                var answer = await cli.Api.SendAsync(HttpMethod.Post, "api/backfills", body, cancellationToken).ConfigureAwait(false);
                cli.Show(answer, () =>
                {
                    if (parse.GetValue(dryRun))
                    {
                        BackfillView.Plan(cli.Console, answer);
                    }
                    else
                    {
                        var id = answer.GetProperty("id").GetString()!;
                        cli.Console.MarkupLine($"started [bold]{Markup.Escape(id)}[/] repairing {answer.GetProperty("plannedItems").GetInt32()} work items of {Markup.Escape(version)}; follow it with: backfill watch {Markup.Escape(id)}");
                    }
                });
            }
            catch (ApiException ex) when (ex.Status == 422)
            {
                // Nothing stale is the good news a repair hopes for, not a failure.
                cli.Console.MarkupLine($"nothing to repair: no partition of {Markup.Escape(version)} in {Markup.Escape(partitions)} is stale.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
