using System.CommandLine;
using System.Text.Json;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary>
/// Follows one backfill until it ends: a live Spectre progress display on a terminal, one plain line
/// per change otherwise (logs, pipes, <c>--no-progress</c>), the final summary either way.
/// </summary>
internal static class BackfillWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // A watch outlives a storage blip: the backfill goes on while storage is briefly unavailable (503), so the
    // watch asks again after the API's Retry-After (10 s) a few times before it gives up with the storage exit code.
    private const int StorageRetries = 5;
    private static readonly TimeSpan StorageRetryDelay = TimeSpan.FromSeconds(10);

    public static Option<bool> NoProgressOption() => new("--no-progress") { Description = "Print plain lines instead of a live progress display." };

    public static async Task<int> RunAsync(CliContext cli, string id, bool noProgress, CancellationToken cancellationToken)
    {
        var final = cli.Json || noProgress || !cli.Console.Profile.Capabilities.Interactive
            ? await PlainAsync(cli, id, cancellationToken).ConfigureAwait(false)
            : await LiveAsync(cli, id, cancellationToken).ConfigureAwait(false);
        cli.Show(final, () =>
        {
            BackfillView.Summary(cli.Console, final);
            BackfillView.Items(cli.Console, final, onlyProblems: true);
        });
        return BackfillView.HasFailures(final) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static async Task<JsonElement> PlainAsync(CliContext cli, string id, CancellationToken cancellationToken)
    {
        string? last = null;
        while (true)
        {
            var backfill = await GetAsync(cli, id, cli.Json ? null : cli.Console.WriteLine, cancellationToken).ConfigureAwait(false);
            if (BackfillView.IsFinished(backfill))
            {
                return backfill;
            }

            var line = $"{backfill.Text("status")} {BackfillView.Progress(backfill)}";
            if (!cli.Json && line != last)
            {
                cli.Console.WriteLine(line);
                last = line;
            }

            await Task.Delay(Interval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<JsonElement> LiveAsync(CliContext cli, string id, CancellationToken cancellationToken)
    {
        var final = default(JsonElement);
        await cli.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async progress =>
            {
                var overall = progress.AddTask(id);
                var running = progress.AddTask(string.Empty).IsIndeterminate();
                while (true)
                {
                    var backfill = await GetAsync(cli, id, null, cancellationToken).ConfigureAwait(false);
                    var counts = backfill.GetProperty("counts");
                    overall.MaxValue = Math.Max(1, counts.Number("total"));
                    overall.Value = counts.Number("succeeded") + counts.Number("skipped") + counts.Number("failed") + counts.Number("blocked");
                    overall.Description = Markup.Escape($"{id} {backfill.Text("status")}: {BackfillView.Progress(backfill)}");
                    var items = backfill.Array("items").Where(i => i.Text("status") == "running").Select(i => $"{i.Text("layer")}/{i.Text("date")}").ToList();
                    running.Description = Markup.Escape(items.Count == 0 ? "running: none" : $"running: {string.Join(", ", items.Take(6))}{(items.Count > 6 ? ", …" : string.Empty)}");
                    if (BackfillView.IsFinished(backfill))
                    {
                        running.StopTask();
                        overall.StopTask();
                        final = backfill;
                        return;
                    }

                    await Task.Delay(Interval, cancellationToken).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        return final;
    }

    private static async Task<JsonElement> GetAsync(CliContext cli, string id, Action<string>? report, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await cli.Api.SendAsync(HttpMethod.Get, $"api/backfills/{ApiPath.Segment(id)}", null, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.Status == 503 && attempt <= StorageRetries)
            {
                report?.Invoke($"storage unavailable, retrying in {StorageRetryDelay.TotalSeconds:0} s ({attempt} of {StorageRetries})");
                await Task.Delay(StorageRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
