using Backfill.Core.Buckets;
using Backfill.Core.Features;
using Backfill.Storage.Building;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// Fails the host at start, naming the setting, when a bucket count is not a power of two from 1 to 256 or names no
/// dataset, or the map group size is below its floor.
/// </summary>
internal sealed class LayoutSettingsValidator : IValidateOptions<LayoutSettings>
{
    public ValidateOptionsResult Validate(string? name, LayoutSettings options)
    {
        var datasets = new[] { Datasets.Raw, Datasets.Staging }.Concat(FeatureVersions.All.Select(version => version.Name)).ToList();
        var failures = new List<string>();
        foreach (var (dataset, count) in options.Buckets)
        {
            if (!datasets.Contains(dataset, StringComparer.Ordinal))
            {
                failures.Add($"{LayoutSettings.Section}:Buckets:{dataset}: no such dataset; expected one of {string.Join(", ", datasets)}.");
            }
            else if (!BucketCount.IsValid(count))
            {
                failures.Add($"{LayoutSettings.Section}:Buckets:{dataset}: {count} is not a power of two from 1 to {BucketCount.MaxValue}.");
            }
        }

        if (options.MapGroupBytes < RawPartitionBuilder.MinMapGroupBytes)
        {
            failures.Add(
                $"{LayoutSettings.Section}:MapGroupBytes: {options.MapGroupBytes} is below {RawPartitionBuilder.MinMapGroupBytes} bytes; a larger landing file would make a map step of a few lines each.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
