using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Backfill.Cli.Api;
using Backfill.Core.Scheduling;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary>Starting, planning, watching and steering backfills; every command is one or a few API calls.</summary>
internal static class BackfillCommands
{
    /// <summary>Makes the root command start a backfill when given the request options (the seed's shape: <c>backfill --partitions … --target …</c>).</summary>
    public static void AddStart(RootCommand root, Func<ParseResult, CliContext> context)
    {
        var options = new BackfillOptions();
        var watch = new Option<bool>("--watch") { Description = "Follow the backfill until it ends (exit 1 on failures)." };
        var noProgress = BackfillWatch.NoProgressOption();
        foreach (var option in options.All.Append(watch).Append(noProgress))
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
            cli.Show(accepted, () => cli.Console.MarkupLine($"started [bold]{Markup.Escape(id)}[/] with {accepted.GetProperty("plannedItems").GetInt32()} work items; follow it with: backfill watch {Markup.Escape(id)}"));
            return parse.GetValue(watch) ? await BackfillWatch.RunAsync(cli, id, parse.GetValue(noProgress), cancellationToken).ConfigureAwait(false) : ExitCodes.Ok;
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
            cli.Show(plan, () => BackfillView.Plan(cli.Console, plan));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Status(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "The backfill id (bf-…)." };
        var item = new Option<string?>("--item")
        {
            Description = "Expand one work item (layer/YYYY-MM-DD) per bucket: its pin, every bucket and its publish, each with its latest attempt.",
        };
        var command = new Command(
            "status",
            "Show one backfill with its failed, blocked and running items, and the attempts of every item that needed more than one or did not succeed.\n\n"
            + "Examples:\n  backfill status bf-1234\n  backfill status bf-1234 --item features/2025-01-03") { id, item };
        item.Validators.Add(result =>
        {
            // The host checks the layer and day; this only checks the shape, so the route cannot be misread.
            if (result.GetValueOrDefault<string?>() is { } text && text.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
            {
                result.AddError($"--item must be layer/YYYY-MM-DD, e.g. features/2025-01-03; got '{text}'.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            if (parse.GetValue(item) is { } one)
            {
                var expanded = await cli.Api.SendAsync(
                    HttpMethod.Get, $"api/backfills/{Uri.EscapeDataString(parse.GetValue(id)!)}/items/{string.Join('/', one.Split('/').Select(Uri.EscapeDataString))}", null, cancellationToken).ConfigureAwait(false);
                cli.Show(expanded, () => BackfillView.Steps(cli.Console, expanded));
                return expanded.GetProperty("item").GetProperty("status").GetString() is "failed" or "blocked" ? ExitCodes.Failed : ExitCodes.Ok;
            }

            var backfill = await cli.Api.SendAsync(HttpMethod.Get, $"api/backfills/{Uri.EscapeDataString(parse.GetValue(id)!)}", null, cancellationToken).ConfigureAwait(false);
            cli.Show(backfill, () =>
            {
                BackfillView.Summary(cli.Console, backfill);
                BackfillView.Items(cli.Console, backfill, onlyProblems: true);
                BackfillView.Attempts(cli.Console, backfill);
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
            var path = ApiPath.Of("api/backfills", ("status", parse.GetValue(status)), ("target", parse.GetValue(target)));
            var list = await cli.Api.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            cli.Show(list, () =>
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
        var noProgress = BackfillWatch.NoProgressOption();
        var command = new Command("watch", "Follow a backfill until it ends: a live progress bar with counts, running items and ETA (plain lines with --no-progress or when not a terminal); exits 1 if it ends with failures.\n\nExample:\n  backfill watch bf-1234") { id, noProgress };
        command.SetAction((parse, cancellationToken) => BackfillWatch.RunAsync(context(parse), parse.GetValue(id)!, parse.GetValue(noProgress), cancellationToken));
        return command;
    }

    public static Command Cancel(Func<ParseResult, CliContext> context) =>
        Steer(context, "cancel", "Cancel a backfill: in-flight items finish, nothing new starts.", id => (HttpMethod.Post, $"api/backfills/{id}/cancel", new { }));

    public static Command Pause(Func<ParseResult, CliContext> context) =>
        Steer(context, "pause", "Pause a backfill: in-flight items finish, nothing new starts until resumed.", id => (HttpMethod.Post, $"api/backfills/{id}/pause", new { }));

    public static Command Terminate(Func<ParseResult, CliContext> context) =>
        Steer(context, "terminate", "Stop a backfill at once, freeing its claims and activity slots; the status names the items cut off.", id => (HttpMethod.Post, $"api/backfills/{id}/terminate", new { }));

    public static Command RetryFailed(Func<ParseResult, CliContext> context) =>
        Steer(context, "retry-failed", "Start a new backfill of a finished backfill's failed and blocked items.", id => (HttpMethod.Post, $"api/backfills/{id}/retry-failed", new { }));

    public static Command SetParallel(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "The backfill id (bf-…)." };
        var value = new Argument<int>("max-parallel")
        {
            Description = $"The new max parallel ({MaxParallelBounds.Text}).",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                result.AddError($"max-parallel must be a whole number ({MaxParallelBounds.Text}); got '{text}'.");
                return 0;
            },
        };
        var command = new Command("set-parallel", "Change a running backfill's max parallel; applied at the next refill.\n\nExample:\n  backfill set-parallel bf-1234 1") { id, value };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var answer = await cli.Api.SendAsync(HttpMethod.Patch, $"api/backfills/{Uri.EscapeDataString(parse.GetValue(id)!)}", new { maxParallel = parse.GetValue(value) }, cancellationToken).ConfigureAwait(false);
            cli.Show(answer, () => BackfillView.Summary(cli.Console, answer));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Resume(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("id") { Description = "The backfill id (bf-…)." };
        var accept = new Option<bool>("--accept-code-version") { Description = "For a backfill paused by a code-version change: continue pinned to the running code version." };
        var command = new Command("resume", "Resume a paused backfill where it stopped.\n\nExamples:\n  backfill resume bf-1234\n  backfill resume bf-1234 --accept-code-version") { id, accept };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            object body = parse.GetValue(accept) ? new { acceptCodeVersion = true } : new { };
            var answer = await cli.Api.SendAsync(HttpMethod.Post, $"api/backfills/{Uri.EscapeDataString(parse.GetValue(id)!)}/resume", body, cancellationToken).ConfigureAwait(false);
            cli.Show(answer, () => BackfillView.Summary(cli.Console, answer));
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
        var command = new Command("seed-data", "Land deterministic sample events (with late events, duplicates and malformed lines). Safe to repeat.\n\nExample:\n  backfill seed-data --from 2025-01-01 --to 2025-03-31")
        {
            from, to, events, entities, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var body = new { from = parse.GetValue(from), to = parse.GetValue(to), eventsPerDay = parse.GetValue(events), entities = parse.GetValue(entities), seed = parse.GetValue(seed) };
            var answer = await cli.Api.SendAsync(HttpMethod.Post, "api/seed-data", body, cancellationToken).ConfigureAwait(false);
            cli.Show(answer, () => cli.Console.MarkupLine(
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
            cli.Show(answer, () => cli.Console.MarkupLine(answer.TryGetProperty("status", out var status)
                ? $"{Markup.Escape(answer.GetProperty("id").GetString()!)}: {Markup.Escape(status.GetString()!)}"
                : $"started [bold]{Markup.Escape(answer.GetProperty("id").GetString()!)}[/] with {answer.GetProperty("plannedItems").GetInt32()} work items"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
