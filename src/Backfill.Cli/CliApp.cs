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

        var parse = Commands(Context).Parse(args);
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

    /// <summary>The whole command tree, each command acting through <paramref name="context"/>.</summary>
    public static RootCommand Commands(Func<ParseResult, CliContext> context)
    {
        var root = new RootCommand("backfill — safe, idempotent backfills for date-partitioned feature pipelines.")
        {
            HealthCommand.Create(context),
            EngineCheckCommand.Create(context),
            BackfillCommands.Plan(context),
            BackfillCommands.Status(context),
            BackfillCommands.List(context),
            BackfillCommands.Watch(context),
            BackfillCommands.Cancel(context),
            BackfillCommands.SetParallel(context),
            BackfillCommands.RetryFailed(context),
            RepairCommand.Create(context),
            ReportCommand.Create(context),
            BackfillCommands.Resume(context),
            BackfillCommands.Pause(context),
            BackfillCommands.Terminate(context),
            ClaimsCommand.Create(context),
            BackfillCommands.SeedData(context),
            PartitionsCommand.Create(context),
            HistoryCommand.Create(context),
            ReadCommand.Create(context),
            FilesCommand.Create(context),
            PointerCommands.Create(context),
            VersionCommands.Create(context),
            DailyCommands.Create(context),
            LateDataCommand.Create(context),
            AlertsCommand.Create(context),
            DemoCommand.Create(context),
        };
        BackfillCommands.AddStart(root, context);
        root.Options.Add(GlobalOptions.Api);
        root.Options.Add(GlobalOptions.Json);
        return root;
    }
}
