using System.CommandLine;
using Backfill.Cli.Api;
using Backfill.Core.Scheduling;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary><c>backfill engine-check</c>: run the engine self-test and judge its result.</summary>
internal static class EngineCheckCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var items = new Option<int>("--items") { Description = "Activities to run (1-1000).", DefaultValueFactory = _ => 12 };
        var maxParallel = new Option<int>("--max-parallel") { Description = $"Most activities in flight at once ({MaxParallelBounds.Text}).", DefaultValueFactory = _ => MaxParallelBounds.Default };
        var work = new Option<int>("--work-ms") { Description = "Milliseconds each activity holds its slot (0-60000).", DefaultValueFactory = _ => 500 };
        var command = new Command("engine-check", "Run the durable engine self-test: a capped fan-out and an entity round trip.\n\nExample:\n  backfill engine-check --items 30 --max-parallel 3")
        {
            items, maxParallel, work,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var cap = parse.GetValue(maxParallel);
            var started = await cli.Api.StartEngineCheckAsync(parse.GetValue(items), cap, parse.GetValue(work), cancellationToken).ConfigureAwait(false);
            var status = await WaitAsync(cli, started.InstanceId, cancellationToken).ConfigureAwait(false);
            var problems = Verdict(status, parse.GetValue(items), cap);
            if (cli.Json)
            {
                JsonOutput.Write(cli.Console, status);
            }
            else
            {
                Print(cli.Console, status, cap, problems);
            }

            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<EngineCheckStatusView> WaitAsync(CliContext cli, string instanceId, CancellationToken cancellationToken)
    {
        string[] terminal = ["Completed", "Failed", "Terminated"];
        while (true)
        {
            var status = await cli.Api.GetEngineCheckAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (terminal.Contains(status.RuntimeStatus))
            {
                return status;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What a healthy engine guarantees; each broken promise is one line.</summary>
    private static List<string> Verdict(EngineCheckStatusView status, int items, int cap)
    {
        if (status.Result is not { } result)
        {
            return [$"the check ended {status.RuntimeStatus}: {status.Failure}"];
        }

        var problems = new List<string>();
        var distinct = result.Items.Select(i => i.Index).Distinct().Count();
        if (distinct != items || result.Items.Count != items)
        {
            problems.Add($"expected {items} distinct items, got {result.Items.Count} results for {distinct} items");
        }

        if (result.MaxObservedParallel > cap)
        {
            problems.Add($"observed {result.MaxObservedParallel} items in flight, above the cap of {cap}");
        }

        if (result.TallyCompleted != items)
        {
            problems.Add($"tally entity counted {result.TallyCompleted}, expected {items}");
        }

        return problems;
    }

    private static void Print(IAnsiConsole console, EngineCheckStatusView status, int cap, List<string> problems)
    {
        console.MarkupLine($"engine check [bold]{Markup.Escape(status.InstanceId)}[/]: {Markup.Escape(status.RuntimeStatus)}");
        if (status.Result is { } result)
        {
            var span = result.Items.Count == 0 ? TimeSpan.Zero : result.Items.Max(i => i.FinishedAt) - result.Items.Min(i => i.StartedAt);
            console.MarkupLine($"  items {result.Items.Count}, max in flight {result.MaxObservedParallel} (cap {cap}), tally {result.TallyCompleted}, span {span.TotalSeconds:F1} s, hosts {result.Items.Select(i => i.ProcessId).Distinct().Count()}");
        }

        foreach (var problem in problems)
        {
            console.MarkupLine($"  [red]✗[/] {Markup.Escape(problem)}");
        }

        if (problems.Count == 0)
        {
            console.MarkupLine("  [green]✓[/] every item ran once, the cap held, the entity saw every item");
        }
    }
}
