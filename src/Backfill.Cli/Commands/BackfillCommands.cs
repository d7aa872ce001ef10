using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary>Starting, planning, watching and steering backfills; every command is one or a few API calls.</summary>
internal static class BackfillCommands
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);

    /// <summary>Makes the root command start a backfill when given the request options (the seed's shape: <c>backfill --partitions … --target …</c>).</summary>
    public static void AddStart(RootCommand root, Func<ParseResult, CliContext> context)
    {
        var options = new BackfillOptions();
        var watch = new Option<bool>("--watch") { Description = "Follow the backfill until it ends (exit 1 on failures)." };
        foreach (var option in options.All.Append(watch))
        {
            root.Options.Add(option);
        }

        root.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            if (parse.GetValue(options.Partitions) is null && parse.GetValue(options.Target) is null)
            {
                cli.Console.MarkupLine("Start a backfill with --partitions and --target, or run 'backfill --help'.");
                return ExitCodes.Usage;
            }

            var accepted = await cli.Api.SendAsync(HttpMethod.Post, "api/backfills", options.Body(parse, dryRun: false), cancellationToken).ConfigureAwait(false);
            var id = accepted.GetProperty("id").GetString()!;
            Print(cli, accepted, () => cli.Console.MarkupLine($"started [bold]{Markup.Escape(id)}[/] with {accepted.GetProperty("plannedItems").GetInt32()} work items; follow it with: backfill watch {Markup.Escape(id)}"));
            return parse.GetValue(watch) ? await WatchAsync(cli, id, cancellationToken).ConfigureAwait(false) : ExitCodes.Ok;
        });
    }

    public static Command Plan(Func<ParseResult, CliContext> context)
    {
        var options = new BackfillOptions();
        var command = new Command("plan", "Show what a backfill would do, item by item (a dry run: nothing is written).\n\nExample:\n  backfill plan --partitions 2025-01-01..2025-01-31 --target features_v2");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var plan = await cli.Api.SendAsync(HttpMethod.Post, "api/backfills", options.Body(parse, dryRun: true), cancellationToken).ConfigureAwait(false);
            Print(cli, plan, () =>
            {
                var table = new Table().AddColumns("layer", "date", "action", "wave", "reason");
                foreach (var item in plan.GetProperty("items").EnumerateArray())
                {
                    table.AddRow(item.GetProperty("layer").GetString()!, item.GetProperty("date").GetString()!, item.GetProperty("action").GetString()!,
                        item.GetProperty("wave").GetInt32().ToString(CultureInfo.InvariantCulture), Markup.Escape(item.GetProperty("reason").GetString() ?? string.Empty));
                }

                cli.Console.Write(table);
                var counts = plan.GetProperty("counts");
                cli.Console.MarkupLine($"run {counts.GetProperty("run").GetInt32()}, skip {counts.GetProperty("skip").GetInt32()}, blocked {counts.GetProperty("blocked").GetInt32()}; {plan.GetProperty("waves").GetInt32()} waves; code version {Markup.Escape(plan.GetProperty("codeVersion").GetString()!)}");
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Status(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "The backfill id (bf-…)." };
        var command = new Command("status", "Show one backfill with its failed, blocked and running items.\n\nExample:\n  backfill status bf-1234") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var backfill = await cli.Api.SendAsync(HttpMethod.Get, $"api/backfills/{Uri.EscapeDataString(parse.GetValue(id)!)}", null, cancellationToken).ConfigureAwait(false);
            Print(cli, backfill, () =>
            {
                BackfillView.Summary(cli.Console, backfill);
                BackfillView.Items(cli.Console, backfill, onlyProblems: true);
            });
            return BackfillView.HasFailures(backfill) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    public static Command List(Func<ParseResult, CliContext> context)
    {
        var status = new Option<string?>("--status") { Description = "Only backfills with this status, e.g. Running." };
        var target = new Option<string?>("--target") { Description = "Only backfills of this feature version." };
        var command = new Command("list", "List backfills, newest first.\n\nExample:\n  backfill list --status Running") { status, target };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var query = string.Join("&", new[] { ("status", parse.GetValue(status)), ("target", parse.GetValue(target)) }
                .Where(q => q.Item2 is not null).Select(q => $"{q.Item1}={Uri.EscapeDataString(q.Item2!)}"));
            var list = await cli.Api.SendAsync(HttpMethod.Get, "api/backfills" + (query.Length > 0 ? "?" + query : string.Empty), null, cancellationToken).ConfigureAwait(false);
            Print(cli, list, () =>
            {
                foreach (var backfill in list.EnumerateArray())
                {
                    BackfillView.Summary(cli.Console, backfill);
                }
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Watch(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "The backfill id (bf-…)." };
        var command = new Command("watch", "Follow a backfill until it ends; exits 1 if it ends with failures.\n\nExample:\n  backfill watch bf-1234") { id };
        command.SetAction((parse, cancellationToken) => WatchAsync(context(parse), parse.GetValue(id)!, cancellationToken));
        return command;
    }

    public static Command Cancel(Func<ParseResult, CliContext> context) =>
        Steer(context, "cancel", "Cancel a backfill: in-flight items finish, nothing new starts.", id => (HttpMethod.Post, $"api/backfills/{id}/cancel", new { }));

    public static Command RetryFailed(Func<ParseResult, CliContext> context) =>
        Steer(context, "retry-failed", "Start a new backfill of a finished backfill's failed and blocked items.", id => (HttpMethod.Post, $"api/backfills/{id}/retry-failed", new { }));

    public static Command SetParallel(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "The backfill id (bf-…)." };
        var value = new Argument<int>("max-parallel") { Description = "The new max parallel (1-64)." };
        var command = new Command("set-parallel", "Change a running backfill's max parallel; applied at the next refill.\n\nExample:\n  backfill set-parallel bf-1234 1") { id, value };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var answer = await cli.Api.SendAsync(HttpMethod.Patch, $"api/backfills/{Uri.EscapeDataString(parse.GetValue(id)!)}", new { maxParallel = parse.GetValue(value) }, cancellationToken).ConfigureAwait(false);
            Print(cli, answer, () => BackfillView.Summary(cli.Console, answer));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Resume(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "The backfill id (bf-…)." };
        var accept = new Option<bool>("--accept-code-version") { Description = "Required: continue pinned to the running code version." };
        var command = new Command("resume", "Resume a backfill paused by a code-version change.\n\nExample:\n  backfill resume bf-1234 --accept-code-version") { id, accept };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var answer = await cli.Api.SendAsync(HttpMethod.Post, $"api/backfills/{Uri.EscapeDataString(parse.GetValue(id)!)}/resume", new { acceptCodeVersion = parse.GetValue(accept) }, cancellationToken).ConfigureAwait(false);
            Print(cli, answer, () => BackfillView.Summary(cli.Console, answer));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command SeedData(Func<ParseResult, CliContext> context)
    {
        var from = new Option<string>("--from") { Description = "First event day (YYYY-MM-DD).", Required = true };
        var to = new Option<string>("--to") { Description = "Last event day (YYYY-MM-DD).", Required = true };
        var events = new Option<int?>("--events-per-day") { Description = "Average events per day; default 2000." };
        var entities = new Option<int?>("--entities") { Description = "Distinct entities; default 500." };
        var seed = new Option<int?>("--seed") { Description = "Generator seed; the same seed lands the same events." };
        var command = new Command("seed-data", "Land deterministic sample events (with late arrivals, duplicates and malformed lines). Safe to repeat.\n\nExample:\n  backfill seed-data --from 2025-01-01 --to 2025-03-31")
        {
            from, to, events, entities, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var body = new { from = parse.GetValue(from), to = parse.GetValue(to), eventsPerDay = parse.GetValue(events), entities = parse.GetValue(entities), seed = parse.GetValue(seed) };
            var answer = await cli.Api.SendAsync(HttpMethod.Post, "api/seed-data", body, cancellationToken).ConfigureAwait(false);
            Print(cli, answer, () => cli.Console.MarkupLine(
                $"landed {answer.GetProperty("days").GetInt32()} days {answer.GetProperty("from").GetString()}..{answer.GetProperty("to").GetString()} ({answer.GetProperty("filesWritten").GetInt32()} new files)"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Steer(Func<ParseResult, CliContext> context, string name, string description, Func<string, (HttpMethod Method, string Path, object Body)> call)
    {
        var id = new Argument<string>("id") { Description = "The backfill id (bf-…)." };
        var command = new Command(name, $"{description}\n\nExample:\n  backfill {name} bf-1234") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var (method, path, body) = call(Uri.EscapeDataString(parse.GetValue(id)!));
            var answer = await cli.Api.SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
            Print(cli, answer, () => cli.Console.MarkupLine(answer.TryGetProperty("status", out var status)
                ? $"{Markup.Escape(answer.GetProperty("id").GetString()!)}: {Markup.Escape(status.GetString()!)}"
                : $"started [bold]{Markup.Escape(answer.GetProperty("id").GetString()!)}[/] with {answer.GetProperty("plannedItems").GetInt32()} work items"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> WatchAsync(CliContext cli, string id, CancellationToken cancellationToken)
    {
        string? last = null;
        while (true)
        {
            var backfill = await cli.Api.SendAsync(HttpMethod.Get, $"api/backfills/{Uri.EscapeDataString(id)}", null, cancellationToken).ConfigureAwait(false);
            var counts = backfill.GetProperty("counts");
            var line = $"{backfill.GetProperty("status").GetString()} {counts.GetProperty("succeeded").GetInt32() + counts.GetProperty("skipped").GetInt32()}/{counts.GetProperty("total").GetInt32()} done, "
                + $"{counts.GetProperty("running").GetInt32()} running, {counts.GetProperty("failed").GetInt32()} failed, {counts.GetProperty("blocked").GetInt32()} blocked";
            if (BackfillView.IsFinished(backfill))
            {
                Print(cli, backfill, () =>
                {
                    BackfillView.Summary(cli.Console, backfill);
                    BackfillView.Items(cli.Console, backfill, onlyProblems: true);
                });
                return BackfillView.HasFailures(backfill) ? ExitCodes.Failed : ExitCodes.Ok;
            }

            // One plain line per change works in any terminal and in logs.
            if (!cli.Json && line != last)
            {
                cli.Console.WriteLine(line);
                last = line;
            }

            await Task.Delay(WatchInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Print(CliContext cli, JsonElement answer, Action human)
    {
        if (cli.Json)
        {
            JsonOutput.Write(cli.Console, answer);
        }
        else
        {
            human();
        }
    }
}
