using System.CommandLine;
using Backfill.Cli.Api;
using Backfill.Cli.Commands;
using Spectre.Console;

namespace Backfill.Cli;

/// <summary>Builds the command tree and maps failures to the documented exit codes, without stack traces.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, IAnsiConsole errors, HttpMessageHandler? handler = null)
    {
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = TimeSpan.FromSeconds(100);
        CliContext Context(ParseResult parse)
        {
            http.BaseAddress ??= parse.GetValue(GlobalOptions.Api);
            return new CliContext(console, errors, new BackfillApiClient(http), parse.GetValue(GlobalOptions.Json));
        }

        var root = new RootCommand("backfill — safe, idempotent backfills for date-partitioned feature pipelines.")
        {
            HealthCommand.Create(Context),
            EngineCheckCommand.Create(Context),
            BackfillCommands.Plan(Context),
            BackfillCommands.Status(Context),
            BackfillCommands.List(Context),
            BackfillCommands.Watch(Context),
            BackfillCommands.Cancel(Context),
            BackfillCommands.SetParallel(Context),
            BackfillCommands.RetryFailed(Context),
            RepairCommand.Create(Context),
            ReportCommand.Create(Context),
            BackfillCommands.Resume(Context),
            BackfillCommands.Pause(Context),
            BackfillCommands.Terminate(Context),
            ClaimsCommand.Create(Context),
            BackfillCommands.SeedData(Context),
            PartitionsCommand.Create(Context),
            HistoryCommand.Create(Context),
            ReadCommand.Create(Context),
            PointerCommands.Create(Context),
            VersionCommands.Create(Context),
            DailyCommands.Create(Context),
            LateDataCommand.Create(Context),
            AlertsCommand.Create(Context),
            DemoCommand.Create(Context),
        };
        BackfillCommands.AddStart(root, Context);
        root.Options.Add(GlobalOptions.Api);
        root.Options.Add(GlobalOptions.Json);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                errors.MarkupLine($"[red]error:[/] {Markup.Escape(error.Message)}");
            }

            errors.MarkupLine("Run 'backfill --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (ApiUnreachableException ex)
        {
            errors.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
            return ExitCodes.Unreachable;
        }
        catch (ApiException ex) when (ex.Status == 503)
        {
            errors.MarkupLine($"[red]error:[/] storage unavailable, retry. {Markup.Escape(ex.Message)}");
            return ExitCodes.StorageUnavailable;
        }
        catch (ApiException ex)
        {
            errors.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
            return ex.Status == 400 ? ExitCodes.Usage : ExitCodes.Failed;
        }
    }
}
