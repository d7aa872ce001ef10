using Backfill.Core.Drift;

namespace Backfill.Core.Validation;

/// <summary>The statistics validation needs of one column of one partition.</summary>
/// <param name="Name">The column name.</param>
/// <param name="NullCount">How many rows hold null in this column.</param>
/// <param name="Numeric">
/// For a numeric column with at least one non-null value: its summary and histogram; otherwise <see langword="null"/>.
/// </param>
public sealed record ColumnProfile(string Name, long NullCount, NumericProfile? Numeric);
