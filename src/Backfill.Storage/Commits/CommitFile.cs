using Backfill.Core.Validation;

namespace Backfill.Storage.Commits;

/// <summary>One data file of a commit.</summary>
/// <param name="Name">The file name inside the commit folder, e.g. <c>events.parquet</c>.</param>
/// <param name="RowCount">Rows in the file.</param>
/// <param name="Bytes">The file size.</param>
/// <param name="Sha256">The hex SHA-256 of the file's bytes.</param>
/// <param name="Schema">The file's columns, in file order.</param>
public sealed record CommitFile(string Name, long RowCount, long Bytes, string Sha256, IReadOnlyList<ColumnSchema> Schema);
