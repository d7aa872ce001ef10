namespace Backfill.Storage.Reading;

/// <summary>One data file of a live commit, where an outside reader (DuckDB, pandas, Spark) finds it.</summary>
/// <param name="Name">The file's name in its commit, e.g. <c>features.parquet</c>; a commit's files of one name share a schema.</param>
/// <param name="Path">The blob name inside the lake container.</param>
/// <param name="Url">The blob's URL.</param>
/// <param name="RowCount">Rows in the file.</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Sha256">The hex SHA-256 of its bytes, as the commit recorded it.</param>
public sealed record LiveFile(string Name, string Path, Uri Url, long RowCount, long Bytes, string Sha256);
