using Backfill.Core.Layers;
using Backfill.Core.Partitions;

namespace Backfill.Core.Planning;

/// <summary>
/// A compact text form of any set of work items, one partition set per layer: <c>raw:2025-01-01..2025-01-03;features:2025-01-05</c>.
/// A backfill pins the items a reprocess mode or a retry chose in this form, so its plan stays a pure function of its
/// input, a few hundred chars even for thousands of items.
/// </summary>
public static class WorkItemSet
{
    private const char LayerSeparator = ';';
    private const char DaysSeparator = ':';

    /// <summary>Formats <paramref name="items"/> in layer order; duplicates are ignored.</summary>
    /// <param name="items">The work items.</param>
    /// <returns>The text form; empty for no items.</returns>
    public static string Format(IEnumerable<WorkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return string.Join(LayerSeparator, items.GroupBy(i => i.Layer).OrderBy(g => g.Key)
            .Select(g => $"{LayerNames.Of(g.Key)}{DaysSeparator}{new PartitionSet(g.Select(i => i.Partition)).ToExpression()}"));
    }

    /// <summary>Parses what <see cref="Format"/> wrote.</summary>
    /// <param name="text">The text form.</param>
    /// <returns>The work items, by layer, then day.</returns>
    /// <exception cref="FormatException">A part is not a layer name, a colon and a partition set.</exception>
    public static IReadOnlyList<WorkItem> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var canonical = new PartitionSetParseOptions { MaxDays = int.MaxValue };
        return [.. text.Split(LayerSeparator, StringSplitOptions.RemoveEmptyEntries).SelectMany(part =>
        {
            var colon = part.IndexOf(DaysSeparator, StringComparison.Ordinal);
            var layer = colon < 0 ? null : LayerNames.Parse(part[..colon]);
            if (layer is null)
            {
                throw new FormatException($"'{part}' is not a layer, a colon and a partition set, e.g. staging:2025-01-01..2025-01-03.");
            }

            return PartitionSetParser.Parse(part[(colon + 1)..], canonical).Select(day => new WorkItem(layer.Value, day));
        })];
    }
}
