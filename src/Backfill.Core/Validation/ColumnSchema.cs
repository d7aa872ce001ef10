namespace Backfill.Core.Validation;

/// <summary>One column of a dataset's schema, as the feature definition declares it or a reader reports it.</summary>
/// <param name="Name">The column name, compared ordinally (case matters, as in Parquet).</param>
/// <param name="Type">The storage type name, e.g. <c>int64</c>, <c>double</c>, <c>string</c>, <c>date</c>.</param>
/// <param name="IsNullable">Whether the column may hold nulls; a null in a non-nullable column fails validation.</param>
public sealed record ColumnSchema(string Name, string Type, bool IsNullable);
