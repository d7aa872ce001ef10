using System.Text.RegularExpressions;
using Backfill.Core.Features;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Versioning;
using Backfill.Storage.Commits;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Models;

namespace Backfill.Workflows.Api;

/// <summary>
/// Turns a request body into a pinned <see cref="BackfillSpec"/>, or into one message per bad field.
/// Every rule lives here so both hosts and every caller get the same answers.
/// </summary>
internal static partial class BackfillRequestValidator
{
    public const int MaxRetries = 10;

    /// <summary>The <c>onConflict</c> that refuses a backfill overlapping another run's claim (the default).</summary>
    public const string Reject = "reject";

    /// <summary>The <c>onConflict</c> that queues the overlapping items until the other run releases them.</summary>
    public const string Wait = "wait";

    public static (BackfillSpec? Spec, Dictionary<string, string[]> Errors) Validate(BackfillBody body, BackfillSettings settings, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var days = ValidatePartitions(body, settings, now, errors);
        var feature = ValidateTarget(body.Target, errors);
        var layers = ValidateLayers(body.Layers, errors);
        var maxParallel = body.MaxParallel ?? settings.MaxParallel;
        if (MaxParallelField.Error(maxParallel) is { } maxParallelError)
        {
            errors[MaxParallelField.Name] = [maxParallelError];
        }

        var writeMode = ValidateChoice(body.WriteMode, "writeMode", WriteMode.Overwrite, errors);
        var order = ValidateChoice(body.Order, "order", PartitionOrder.Ascending, errors);
        var reprocess = ValidateChoice(body.Reprocess, "reprocess", ReprocessMode.Changed, errors);
        var retries = body.Retries ?? 2;
        if (retries is < 0 or > MaxRetries)
        {
            errors["retries"] = [$"retries must be between 0 and {MaxRetries}; got {retries}."];
        }

        if (body.IdempotencyKey is { } key && !IdempotencyKeyPattern().IsMatch(key))
        {
            errors["idempotencyKey"] = ["idempotencyKey must be 1-64 letters, digits, '.', '_' or '-'."];
        }

        if (body.FlipOnSuccess == true && layers.Length > 0 && !layers.Contains(Layer.Features))
        {
            errors["flipOnSuccess"] = ["flipOnSuccess needs the features layer: only a backfill that fills the target version can flip to it."];
        }

        if (body.OnConflict is { } onConflict && onConflict is not (Reject or Wait))
        {
            errors["onConflict"] = [$"onConflict must be '{Reject}' or '{Wait}'; got '{onConflict}'."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var spec = new BackfillSpec(
            days!.ToExpression(), feature!.Name, layers, feature.InputWindowDays, maxParallel, writeMode, order, retries,
            settings.RetryDelaySeconds, body.FailFast ?? false, CodeVersion.Current.Value, feature.ConfigHash, now, body.FlipOnSuccess ?? false,
            body.OnConflict == Wait, reprocess);
        return (spec, errors);
    }

    private static PartitionSet? ValidatePartitions(BackfillBody body, BackfillSettings settings, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        string expression;
        if (body.Partitions is not null)
        {
            if (body.Start is not null || body.End is not null)
            {
                errors["partitions"] = ["Give either partitions or start and end, not both."];
                return null;
            }

            expression = body.Partitions;
        }
        else if (body.Start is not null && body.End is not null)
        {
            expression = $"{body.Start}..{body.End}";
        }
        else
        {
            errors[body.Start is null && body.End is null ? "partitions" : body.Start is null ? "start" : "end"] =
                ["partitions (or start and end) is required, e.g. \"2024-12-01..2025-02-28\"."];
            return null;
        }

        try
        {
            var today = new Day(DateOnly.FromDateTime(now.UtcDateTime));
            return PartitionSetParser.Parse(expression, new PartitionSetParseOptions { Today = today, MaxDays = settings.MaxDays });
        }
        catch (PartitionSetFormatException ex)
        {
            errors[body.Partitions is null ? "start" : "partitions"] = [ex.Message];
            return null;
        }
    }

    private static FeatureVersion? ValidateTarget(string? target, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(target))
        {
            errors["target"] = ["target is required: the feature version to fill, e.g. \"features_v2\"."];
            return null;
        }

        if (!TargetPattern().IsMatch(target))
        {
            errors["target"] = [$"target must match ^[a-z][a-z0-9_]{{0,62}}$; got '{target}'."];
            return null;
        }

        var known = FeatureVersions.All.FirstOrDefault(set => set.Name == target);
        if (known is null)
        {
            errors["target"] = [$"'{target}' is not a feature version; known: {string.Join(", ", FeatureVersions.All.Select(set => set.Name))}."];
        }

        return known;
    }

    private static Layer[] ValidateLayers(IReadOnlyList<string>? names, Dictionary<string, string[]> errors)
    {
        if (names is null)
        {
            return [Layer.Raw, Layer.Staging, Layer.Features];
        }

        var unknown = names.Where(n => LayerNames.Parse(n) is null).ToList();
        if (unknown.Count > 0 || names.Count == 0)
        {
            errors["layers"] = [names.Count == 0
                ? "layers must name at least one of raw, staging, features."
                : $"Unknown layer(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; use raw, staging, features."];
            return [];
        }

        return [.. names.Select(n => LayerNames.Parse(n)!.Value).Distinct().Order()];
    }

    private static T ValidateChoice<T>(string? value, string field, T fallback, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return fallback;
        }

        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToList();
        if (names.Contains(value) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        errors[field] = [$"{field} must be {string.Join(" or ", names)}; got '{value}'."];
        return fallback;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdempotencyKeyPattern();
}
