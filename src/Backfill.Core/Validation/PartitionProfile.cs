namespace Backfill.Core.Validation;

/// <summary>
/// The statistics of one partition that validation works on instead of its files: computed once when the
/// commit is written (one pass per column), stored with it, and reused as a later partition's baseline.
/// </summary>
public sealed record PartitionProfile
{
    private readonly Dictionary<string, ColumnProfile> _byName;

    /// <summary>Creates a profile.</summary>
    /// <param name="rowCount">The partition's row count; not negative.</param>
    /// <param name="columns">One profile per column, names unique, null counts at most <paramref name="rowCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowCount"/> is negative.</exception>
    /// <exception cref="ArgumentException">A column name repeats, or a null count is negative or above the row count.</exception>
    public PartitionProfile(long rowCount, IReadOnlyList<ColumnProfile> columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentNullException.ThrowIfNull(columns);
        _byName = new Dictionary<string, ColumnProfile>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (column.NullCount < 0 || column.NullCount > rowCount)
            {
                throw new ArgumentException(
                    $"Column '{column.Name}' has {column.NullCount} nulls in {rowCount} rows.", nameof(columns));
            }

            if (!_byName.TryAdd(column.Name, column))
            {
                throw new ArgumentException($"Column '{column.Name}' is profiled twice.", nameof(columns));
            }
        }

        RowCount = rowCount;
        Columns = [.. columns];
    }

    /// <summary>Gets the partition's row count.</summary>
    public long RowCount { get; }

    /// <summary>Gets the column profiles, in column order.</summary>
    public IReadOnlyList<ColumnProfile> Columns { get; }

    /// <summary>The profile as a commit stores it: without the values small numeric columns keep for an exact merge.</summary>
    /// <returns>The same figures, with <see cref="Drift.NumericProfile.Values"/> dropped.</returns>
    public PartitionProfile WithoutValues() =>
        new(RowCount, [.. Columns.Select(column => column.Numeric is { Values: not null } numeric ? column with { Numeric = numeric with { Values = null } } : column)]);

    /// <summary>Returns the profile of the column named <paramref name="name"/>.</summary>
    /// <param name="name">The column name, compared ordinally.</param>
    /// <returns>The column's profile, or <see langword="null"/> when the partition has no such column.</returns>
    public ColumnProfile? Column(string name) => _byName.GetValueOrDefault(name);
}
