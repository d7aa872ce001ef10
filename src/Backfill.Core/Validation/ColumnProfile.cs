using Backfill.Core.Drift;

namespace Backfill.Core.Validation;

/// <summary>The statistics validation needs of one column of one partition.</summary>
/// <param name="Name">The column name.</param>
/// <param name="NullCount">How many rows hold null in this column.</param>
/// <param name="Numeric">
/// For a numeric column with at least one non-null value: its summary and histogram; otherwise <see langword="null"/>.
/// </param>
public sealed record ColumnProfile(string Name, long NullCount, NumericProfile? Numeric)
{
    /// <summary>Profiles a numeric column: nulls and NaN count as null (NaN would poison every statistic).</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">Every row's value, null where the row has none.</param>
    /// <returns>The profile; <see cref="Numeric"/> is null when no value is present.</returns>
    public static ColumnProfile OfNumbers(string name, IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = new List<double>();
        long nulls = 0;
        foreach (var value in values)
        {
            if (value is { } number && double.IsFinite(number))
            {
                present.Add(number);
            }
            else
            {
                nulls++;
            }
        }

        return new ColumnProfile(name, nulls, present.Count == 0 ? null : NumericProfile.OfReference(present));
    }

    /// <summary>Profiles a non-numeric column: only its nulls.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">Every row's value.</param>
    /// <typeparam name="T">The column's value type.</typeparam>
    /// <returns>The profile, without numeric statistics.</returns>
    public static ColumnProfile OfValues<T>(string name, IEnumerable<T?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ColumnProfile(name, values.LongCount(value => value is null), null);
    }
}
