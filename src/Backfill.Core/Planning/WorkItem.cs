using Backfill.Core.Layers;
using Backfill.Core.Partitions;

namespace Backfill.Core.Planning;

/// <summary>One (layer, day) unit that an orchestration runs: build, validate, publish.</summary>
/// <param name="Layer">The layer the work item builds.</param>
/// <param name="Partition">The day of the partition it builds.</param>
public readonly record struct WorkItem(Layer Layer, Day Partition)
{
    private const char Separator = '/';

    /// <summary>
    /// Gets the stable text id, <c>layer/YYYY-MM-DD</c> (e.g. <c>staging/2025-01-03</c>), unique within a backfill
    /// and parsed back by <see cref="Parse(string)"/>.
    /// </summary>
    public string Id => $"{LayerNames.Of(Layer)}{Separator}{Partition}";

    /// <summary>Returns <see cref="Id"/>.</summary>
    /// <returns>The id, e.g. <c>staging/2025-01-03</c>.</returns>
    public override string ToString() => Id;

    /// <summary>Parses an <see cref="Id"/>.</summary>
    /// <param name="id">The id, e.g. <c>staging/2025-01-03</c>.</param>
    /// <returns>The work item.</returns>
    /// <exception cref="FormatException">
    /// The id is not <c>raw</c>, <c>staging</c> or <c>features</c>, then a slash and a <c>YYYY-MM-DD</c> day.
    /// </exception>
    public static WorkItem Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var separator = id.IndexOf(Separator, StringComparison.Ordinal);
        var layer = separator < 0 ? null : LayerNames.Parse(id[..separator]);
        if (layer is null)
        {
            throw new FormatException(
                $"'{id}' is not a work item id: expected raw, staging or features, a slash and a date, "
                + "e.g. staging/2025-01-03.");
        }

        return new WorkItem(layer.Value, Day.Parse(id[(separator + 1)..]));
    }
}
