using System.CommandLine;
using Backfill.Core.Scheduling;

namespace Backfill.Cli.Commands;

/// <summary>The options that describe a backfill request, shared by the start (default) and plan commands.</summary>
internal sealed class BackfillOptions
{
    public Option<string> Partitions { get; } = new("--partitions") { Description = "Partition set, e.g. 2024-12-01..2025-02-28,!2025-01-15 or last:7." };

    public Option<string> Target { get; } = new("--target") { Description = "Feature version to fill, e.g. features_v2." };

    public Option<int?> MaxParallel { get; } = new("--max-parallel") { Description = $"Most work items in flight ({MaxParallelBounds.Text}); default {MaxParallelBounds.Default}." };

    public Option<string?> WriteMode { get; } = new("--write-mode") { Description = "overwrite (default) or merge." };

    public Option<string[]> Layers { get; } = new("--layers") { Description = "Layers to run: raw staging features (default all).", AllowMultipleArgumentsPerToken = true };

    public Option<string?> Order { get; } = new("--order") { Description = "ascending (default) or descending." };

    public Option<int?> Retries { get; } = new("--retries") { Description = "Extra attempts for transient failures (0-10); default 2." };

    public Option<bool> FailFast { get; } = new("--fail-fast") { Description = "Stop starting items after the first failure." };

    public Option<string?> IdempotencyKey { get; } = new("--idempotency-key") { Description = "Makes a retried start return the same backfill." };

    public Option<string?> OnConflict { get; } = new("--on-conflict") { Description = "reject (default: fail when another run claims some of its partitions) or wait (those items wait until released)." };

    public Option<string?> Reprocess { get; } = new("--reprocess")
    {
        Description = "Which partitions to rebuild: changed (default: skip those this code and config already built), failed, missing, stale or all; with what reads them in the request.",
    };

    public IEnumerable<Option> All => [Partitions, Target, MaxParallel, WriteMode, Layers, Order, Retries, FailFast, IdempotencyKey, OnConflict, Reprocess];

    /// <summary>The API request body; absent options are left out so the API's defaults apply.</summary>
    public Dictionary<string, object?> Body(ParseResult parse, bool dryRun)
    {
        var body = new Dictionary<string, object?>
        {
            ["partitions"] = parse.GetValue(Partitions),
            ["target"] = parse.GetValue(Target),
            ["maxParallel"] = parse.GetValue(MaxParallel),
            ["writeMode"] = parse.GetValue(WriteMode),
            ["layers"] = parse.GetValue(Layers) is { Length: > 0 } layers ? layers : null,
            ["order"] = parse.GetValue(Order),
            ["retries"] = parse.GetValue(Retries),
            ["failFast"] = parse.GetValue(FailFast) ? true : null,
            ["idempotencyKey"] = parse.GetValue(IdempotencyKey),
            ["onConflict"] = parse.GetValue(OnConflict),
            ["reprocess"] = parse.GetValue(Reprocess),
            ["dryRun"] = dryRun ? true : null,
        };
        return body.Where(p => p.Value is not null).ToDictionary();
    }
}
