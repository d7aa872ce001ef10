using System.CommandLine;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary><c>backfill health</c>: is the host up, is its engine running, does storage answer.</summary>
internal static class HealthCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("health", "Show whether the host, its durable engine and storage are healthy.\n\nExample:\n  backfill health --api http://127.0.0.1:7071");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var health = await cli.Api.GetHealthAsync(cancellationToken).ConfigureAwait(false);
            if (cli.Json)
            {
                JsonOutput.Write(cli.Console, health);
            }
            else
            {
                var table = new Table().AddColumns("Component", "State", "Detail");
                table.AddRow("engine", health.Engine.Running ? "[green]running[/]" : "[red]stopped[/]", Markup.Escape($"{health.Engine.Kind}, task hub {health.Engine.TaskHub}"));
                foreach (var storage in health.Storage)
                {
                    table.AddRow(storage.Service, storage.Healthy ? "[green]ok[/]" : "[red]failing[/]", Markup.Escape(storage.Detail ?? string.Empty));
                }

                cli.Console.Write(table);
                cli.Console.MarkupLine($"{(health.Status == HealthView.HealthyStatus ? "[green]healthy[/]" : "[red]unhealthy[/]")} — code version {Markup.Escape(health.CodeVersion)}");
            }

            if (health.Storage.Any(s => !s.Healthy))
            {
                cli.Console.MarkupLine($"[red]storage unavailable, retry[/] ({Markup.Escape(string.Join(", ", health.Storage.Where(s => !s.Healthy).Select(s => s.Service)))})");
                return ExitCodes.StorageUnavailable;
            }

            return health.Status == HealthView.HealthyStatus ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
