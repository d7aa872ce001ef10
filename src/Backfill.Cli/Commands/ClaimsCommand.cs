using System.CommandLine;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary><c>backfill claims</c>: the active claims; <c>backfill claims free &lt;runId&gt;</c> frees one run's claims by hand.</summary>
internal static class ClaimsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var dataset = new Option<string?>("--dataset") { Description = "Only this dataset: raw, staging, features_v1, ..." };
        var range = new DayRangeOptions();
        var command = new Command("claims", "Show which run holds which partitions (one writer per partition).\n\nExamples:\n  backfill claims --dataset raw --from 2025-01-01 --to 2025-01-31\n  backfill claims free bf-1234") { dataset, Free(context) };
        range.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var claims = await cli.Api.SendAsync(HttpMethod.Get, ApiPath.Of("api/claims", [("dataset", parse.GetValue(dataset)), .. range.Query(parse)]), null, cancellationToken).ConfigureAwait(false);
            cli.Show(claims, () =>
            {
                var table = new Table().AddColumns("run", "dataset", "partitions", "expires");
                foreach (var claim in claims.Array("claims"))
                {
                    table.AddRow(Markup.Escape(claim.Text("runId")), Markup.Escape(claim.Text("dataset")), Markup.Escape(claim.Text("partitions")), Markup.Escape(claim.Text("expiresAt")));
                }

                cli.Console.Write(table);
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Free(Func<ParseResult, CliContext> context)
    {
        var runId = new Argument<string>("run-id") { Description = "The run whose claims to free (bf-… or daily-…)." };
        var command = new Command("free", "Free one run's claims by hand (admin; logged). Only for a holder that is known to be gone.") { runId };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var answer = await cli.Api.SendAsync(HttpMethod.Delete, $"api/claims/{ApiPath.Segment(parse.GetValue(runId)!)}", null, cancellationToken).ConfigureAwait(false);
            cli.Show(answer, () => cli.Console.MarkupLine($"freed the claims of {Markup.Escape(answer.Text("runId"))}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
