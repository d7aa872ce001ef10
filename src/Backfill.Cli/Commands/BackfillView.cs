using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Backfill.Cli.Commands;

/// <summary>Renders the API's backfill JSON for people.</summary>
internal static class BackfillView
{
    private static readonly string[] States = ["pending", "running", "succeeded", "skipped", "failed", "blocked"];

    public static void Summary(IAnsiConsole console, JsonElement backfill)
    {
        var counts = backfill.GetProperty("counts");
        var request = backfill.GetProperty("request");
        console.MarkupLine($"[bold]{Markup.Escape(backfill.GetProperty("id").GetString()!)}[/]  {Status(backfill.GetProperty("status").GetString()!)}  "
            + $"{Markup.Escape(request.GetProperty("target").GetString()!)} {Markup.Escape(request.GetProperty("partitions").GetString()!)}  max parallel {backfill.GetProperty("maxParallel").GetInt32()}");
        console.MarkupLine("  " + string.Join("  ", States.Select(s => $"{s} {counts.GetProperty(s).GetInt32()}")) + $"  of {counts.GetProperty("total").GetInt32()}"
            + (backfill.GetProperty("etaSeconds").ValueKind == JsonValueKind.Number ? $"  eta {TimeSpan.FromSeconds(backfill.GetProperty("etaSeconds").GetInt64())}" : string.Empty));
        if (backfill.GetProperty("reason").GetString() is { } reason)
        {
            console.MarkupLine($"  [yellow]{Markup.Escape(reason)}[/]");
        }

        // Why fewer items run than asked: the activity budget's grant (absent from older hosts' answers).
        if (backfill.TryGetProperty("maxParallelReason", out var capped) && capped.ValueKind == JsonValueKind.String)
        {
            console.MarkupLine($"  {Markup.Escape(capped.GetString()!)}");
        }
    }

    public static void Items(IAnsiConsole console, JsonElement backfill, bool onlyProblems)
    {
        if (!backfill.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var table = new Table().AddColumns("layer", "date", "status", "attempts", "rows", "ms", "error");
        foreach (var item in items.EnumerateArray().Where(i => !onlyProblems || i.GetProperty("status").GetString() is "failed" or "blocked" or "running"))
        {
            table.AddRow(
                item.GetProperty("layer").GetString()!, item.GetProperty("date").GetString()!, Status(item.GetProperty("status").GetString()!),
                item.GetProperty("attempts").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                item.GetProperty("rows").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                item.GetProperty("durationMs").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(item.GetProperty("error").GetString() ?? string.Empty));
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
        }
    }

    /// <summary>
    /// The attempt log of every item with a story to tell: more than one attempt, or an attempt that did not succeed.
    /// Healthy items (one attempt, succeeded or skipped) are left out so a large backfill's status stays short.
    /// </summary>
    public static void Attempts(IAnsiConsole console, JsonElement backfill)
    {
        if (!backfill.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var table = new Table().AddColumns("item", "attempt", "started", "finished", "outcome", "error");
        foreach (var item in items.EnumerateArray())
        {
            if (!item.TryGetProperty("attemptLog", out var log) || log.ValueKind != JsonValueKind.Array
                || (log.GetArrayLength() < 2 && log.EnumerateArray().All(a => a.GetProperty("outcome").GetString() is "succeeded" or "skipped")))
            {
                continue;
            }

            var id = $"{item.GetProperty("layer").GetString()}/{item.GetProperty("date").GetString()}";
            foreach (var attempt in log.EnumerateArray())
            {
                table.AddRow(
                    id, attempt.GetProperty("attempt").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Time(attempt.GetProperty("startedAt")), Time(attempt.GetProperty("finishedAt")), Status(attempt.GetProperty("outcome").GetString()!),
                    Markup.Escape(attempt.GetProperty("error").GetString() ?? string.Empty));
            }
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
        }
    }

    /// <summary>One item expanded per bucket: its row, then each step (pin, every bucket, publish) with its latest attempt.</summary>
    public static void Steps(IAnsiConsole console, JsonElement expanded)
    {
        var item = expanded.GetProperty("item");
        var buckets = expanded.GetProperty("buckets").GetInt32();
        console.MarkupLine($"[bold]{Markup.Escape(item.GetProperty("layer").GetString()!)}/{Markup.Escape(item.GetProperty("date").GetString()!)}[/]  "
            + $"{Status(item.GetProperty("status").GetString()!)}  {(buckets == 1 ? "built whole (1 bucket)" : $"{buckets} buckets")}"
            + (item.GetProperty("error").GetString() is { } error ? $"  {Markup.Escape(error)}" : string.Empty));
        var table = new Table().AddColumns("step", "status", "attempts", "rows", "ms", "finished", "error");
        foreach (var step in expanded.GetProperty("steps").EnumerateArray())
        {
            table.AddRow(
                step.GetProperty("step").GetString()!, Status(step.GetProperty("status").GetString()!),
                step.GetProperty("attempts").GetInt32().ToString(CultureInfo.InvariantCulture),
                step.GetProperty("rows").GetInt64().ToString("N0", CultureInfo.InvariantCulture),
                step.GetProperty("durationMs").GetInt64().ToString(CultureInfo.InvariantCulture),
                step.GetProperty("finishedAt").ValueKind == JsonValueKind.Null ? string.Empty : Time(step.GetProperty("finishedAt")),
                Markup.Escape(step.GetProperty("error").GetString() ?? string.Empty));
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
        }
    }

    /// <summary>A dry run: every item with its action, wave and reason, then the counts.</summary>
    public static void Plan(IAnsiConsole console, JsonElement plan)
    {
        var table = new Table().AddColumns("layer", "date", "action", "wave", "buckets", "reason");
        foreach (var item in plan.GetProperty("items").EnumerateArray())
        {
            // Hosts older than the bucket layout send no count: their days are built whole.
            var buckets = item.TryGetProperty("buckets", out var count) ? count.GetInt32() : 1;
            table.AddRow(item.GetProperty("layer").GetString()!, item.GetProperty("date").GetString()!, item.GetProperty("action").GetString()!,
                item.GetProperty("wave").GetInt32().ToString(CultureInfo.InvariantCulture), buckets.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(item.GetProperty("reason").GetString() ?? string.Empty));
        }

        console.Write(table);
        var counts = plan.GetProperty("counts");
        console.MarkupLine($"run {counts.GetProperty("run").GetInt32()}, skip {counts.GetProperty("skip").GetInt32()}, blocked {counts.GetProperty("blocked").GetInt32()}; {plan.GetProperty("waves").GetInt32()} waves; code version {Markup.Escape(plan.GetProperty("codeVersion").GetString()!)}");
        if (plan.TryGetProperty("estimate", out var estimate))
        {
            Estimate(console, estimate);
        }
    }

    /// <summary>A dry run's impact estimate: the duration (or why there is none), each layer's bytes, and the method.</summary>
    private static void Estimate(IAnsiConsole console, JsonElement estimate)
    {
        var maxParallel = estimate.GetProperty("maxParallel").GetInt32();
        console.MarkupLine(estimate.GetProperty("durationSeconds") is { ValueKind: JsonValueKind.Number } seconds
            ? $"estimate at max parallel {maxParallel}: [bold]{TimeSpan.FromSeconds(Math.Round(seconds.GetDouble()))}[/]"
            : $"estimate at max parallel {maxParallel}: no duration ({Markup.Escape(estimate.GetProperty("noDurationReason").GetString()!)})");
        var table = new Table().AddColumns("layer", "dataset", "partitions", "read", "write", "median item", "commits");
        foreach (var layer in estimate.GetProperty("layers").EnumerateArray())
        {
            var read = layer.GetProperty("inputBytes");
            var median = layer.GetProperty("medianItemMilliseconds");
            table.AddRow(
                layer.GetProperty("layer").GetString()!,
                layer.GetProperty("dataset").GetString()!,
                layer.GetProperty("partitions").GetInt32().ToString(CultureInfo.InvariantCulture),
                read.ValueKind == JsonValueKind.Number ? Bytes(read.GetInt64()) : "landing",
                Bytes(layer.GetProperty("bytesToWrite").GetInt64()),
                median.ValueKind == JsonValueKind.Number ? $"{median.GetInt64().ToString(CultureInfo.InvariantCulture)} ms" : "–",
                layer.GetProperty("durationSamples").GetInt32().ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLine($"[grey]{Markup.Escape(estimate.GetProperty("method").GetString()!)}[/]");
    }

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    /// <summary>One line of counts and ETA, the same in plain and live watching.</summary>
    public static string Progress(JsonElement backfill)
    {
        var counts = backfill.GetProperty("counts");
        return $"{counts.Number("succeeded") + counts.Number("skipped")}/{counts.Number("total")} done, {counts.Number("running")} running, "
            + $"{counts.Number("failed")} failed, {counts.Number("blocked")} blocked"
            + (backfill.TryGetProperty("etaSeconds", out var eta) && eta.ValueKind == JsonValueKind.Number ? $", eta {TimeSpan.FromSeconds(eta.GetInt64())}" : string.Empty);
    }

    public static bool HasFailures(JsonElement backfill) =>
        backfill.GetProperty("status").GetString() is "CompletedWithFailures" or "Failed" or "Rejected" or "Terminated"
        || backfill.GetProperty("counts").GetProperty("failed").GetInt32() > 0;

    public static bool IsFinished(JsonElement backfill) =>
        backfill.GetProperty("status").GetString() is "Completed" or "CompletedWithFailures" or "Failed" or "Canceled" or "Rejected" or "Terminated";

    private static string Time(JsonElement at) => at.GetDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static string Status(string status) => status switch
    {
        "Completed" or "succeeded" or "skipped" => $"[green]{status}[/]",
        "CompletedWithFailures" or "Failed" or "Rejected" or "failed" or "blocked" or "transient" => $"[red]{status}[/]",
        _ => $"[yellow]{status}[/]",
    };
}
