using System.Collections;

namespace Backfill.Core.Features;

/// <summary>
/// One staging day's rollups as arrays sorted by entity id, the order of the rollup file. Features(D) merges a
/// window of these without a row object or a hash lookup per entity-day, which is what makes it cheap at
/// hundreds of thousands of entities.
/// </summary>
public sealed class RollupDay : IReadOnlyList<DailyRollup>
{
    private readonly string[] _entityIds;
    private readonly PerEventType<long>[] _counts;
    private readonly PerEventType<decimal>[] _amounts;

    /// <summary>Initializes a day from columns already in storage order.</summary>
    /// <param name="date">The event day every row belongs to.</param>
    /// <param name="entityIds">The entities, strictly ascending by ordinal comparison.</param>
    /// <param name="counts">Events per type, one per entity.</param>
    /// <param name="amounts">Staged amounts per type, one per entity.</param>
    /// <exception cref="ArgumentException">The columns differ in length, or the entities are not strictly ascending.</exception>
    public RollupDay(DateOnly date, string[] entityIds, PerEventType<long>[] counts, PerEventType<decimal>[] amounts)
    {
        ArgumentNullException.ThrowIfNull(entityIds);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(amounts);
        if (counts.Length != entityIds.Length || amounts.Length != entityIds.Length)
        {
            throw new ArgumentException(
                $"Rollup columns of {date:yyyy-MM-dd} differ in length: {entityIds.Length} entities, {counts.Length} counts, {amounts.Length} amounts.",
                nameof(counts));
        }

        for (var i = 1; i < entityIds.Length; i++)
        {
            var order = string.CompareOrdinal(entityIds[i - 1], entityIds[i]);
            if (order >= 0)
            {
                throw new ArgumentException(
                    order == 0
                        ? $"Entity {entityIds[i]} has two rollups for one day ({date:yyyy-MM-dd})."
                        : $"Rollups of {date:yyyy-MM-dd} are not ordered by entity id at row {i} ({entityIds[i - 1]} before {entityIds[i]}).",
                    nameof(entityIds));
            }
        }

        Date = date;
        _entityIds = entityIds;
        _counts = counts;
        _amounts = amounts;
    }

    /// <summary>Gets the event day.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets the entities in storage order.</summary>
    public IReadOnlyList<string> EntityIds => _entityIds;

    /// <inheritdoc />
    public int Count => _entityIds.Length;

    /// <inheritdoc />
    public DailyRollup this[int index] => new(_entityIds[index], Date, _counts[index], _amounts[index]);

    /// <summary>Builds one day from its rollups in any order, e.g. the buckets of a day read together.</summary>
    /// <param name="date">The event day; an empty day is allowed.</param>
    /// <param name="rollups">Rollups of <paramref name="date"/> only.</param>
    /// <returns>The day, sorted by entity id.</returns>
    /// <exception cref="ArgumentException">A rollup is of another day, or an entity has two.</exception>
    public static RollupDay Of(DateOnly date, IEnumerable<DailyRollup> rollups)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        var sorted = rollups.OrderBy(rollup => rollup.EntityId, StringComparer.Ordinal).ToArray();
        if (sorted.FirstOrDefault(rollup => rollup.Date != date) is { } other)
        {
            throw new ArgumentException($"A rollup of {other.Date:yyyy-MM-dd} is not of {date:yyyy-MM-dd}.", nameof(rollups));
        }

        return new RollupDay(date, [.. sorted.Select(r => r.EntityId)], [.. sorted.Select(r => r.Counts)], [.. sorted.Select(r => r.Amounts)]);
    }

    /// <summary>Groups rollups into days, each sorted by entity id.</summary>
    /// <param name="rollups">Rollups of any days, in any order.</param>
    /// <returns>One day per distinct date, oldest first.</returns>
    /// <exception cref="ArgumentException">An entity has two rollups for one day.</exception>
    public static IReadOnlyList<RollupDay> Group(IEnumerable<DailyRollup> rollups)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        return [.. rollups.GroupBy(rollup => rollup.Date).OrderBy(day => day.Key).Select(day => Of(day.Key, day))];
    }

    /// <inheritdoc />
    public IEnumerator<DailyRollup> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The first row whose entity id is not below <paramref name="entityId"/>; <see cref="Count"/> when none.</summary>
    internal int LowerBound(string entityId)
    {
        var (low, high) = (0, _entityIds.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (string.CompareOrdinal(_entityIds[middle], entityId) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    internal string EntityAt(int row) => _entityIds[row];

    internal PerEventType<long> CountsAt(int row) => _counts[row];

    internal PerEventType<decimal> AmountsAt(int row) => _amounts[row];
}
