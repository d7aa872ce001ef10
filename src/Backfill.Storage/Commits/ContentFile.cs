using Backfill.Core.Validation;

namespace Backfill.Storage.Commits;

/// <summary>A data file a builder produced, before upload.</summary>
/// <param name="Name">The file name inside the commit folder.</param>
/// <param name="Content">The bytes; deterministic for the same rows.</param>
/// <param name="RowCount">Rows in the file.</param>
/// <param name="Schema">Its columns, in file order.</param>
public sealed record ContentFile(string Name, ReadOnlyMemory<byte> Content, long RowCount, IReadOnlyList<ColumnSchema> Schema);
