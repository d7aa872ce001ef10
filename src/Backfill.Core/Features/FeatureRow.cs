using System.Collections.Immutable;

namespace Backfill.Core.Features;

/// <summary>One row of a features dataset: an entity's feature values on a day, in its feature version's column order.</summary>
/// <param name="EntityId">The entity.</param>
/// <param name="Date">The day the features describe.</param>
/// <param name="Values">One value per feature, in the feature version's order.</param>
public sealed record FeatureRow(string EntityId, DateOnly Date, ImmutableArray<double> Values)
{
    /// <summary>Gets the storage order: by entity, then date.</summary>
    public static IComparer<FeatureRow> StorageOrder { get; } = Comparer<FeatureRow>.Create(static (a, b) =>
    {
        var order = string.CompareOrdinal(a.EntityId, b.EntityId);
        return order != 0 ? order : a.Date.CompareTo(b.Date);
    });

    /// <summary>Gets the merge key: entity and date.</summary>
    public (string EntityId, DateOnly Date) Key => (EntityId, Date);

    /// <inheritdoc />
    public bool Equals(FeatureRow? other) =>
        other is not null && EntityId == other.EntityId && Date == other.Date && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EntityId, Date, Values.Length);
}
