using static System.FormattableString;

namespace Backfill.Core.Validation;

/// <summary>
/// Validates what the downstream read of a staged commit saw, read through the same path training uses: the
/// schema, and that every written row comes back.
/// </summary>
public static class DownstreamReadRule
{
    /// <summary>
    /// Fails when the schema read back differs from the declared one in names, types or order. Nullability is
    /// not compared: the null rate check judges the data itself.
    /// </summary>
    /// <param name="expected">The columns the feature definition declares, in order.</param>
    /// <param name="read">The columns the reader reported, in order.</param>
    /// <returns>Observed is the number of differences found; the threshold is 0; the message lists them.</returns>
    public static ValidationResult CheckSchema(IReadOnlyList<ColumnSchema> expected, IReadOnlyList<ColumnSchema> read)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(read);
        var readByName = read.ToDictionary(column => column.Name, StringComparer.Ordinal);
        var expectedNames = expected.Select(column => column.Name).ToHashSet(StringComparer.Ordinal);
        var differences = new List<string>();
        differences.AddRange(expected.Where(column => !readByName.ContainsKey(column.Name))
            .Select(column => $"missing '{column.Name}'"));
        differences.AddRange(read.Where(column => !expectedNames.Contains(column.Name))
            .Select(column => $"unexpected '{column.Name}'"));
        differences.AddRange(expected
            .Where(column => readByName.TryGetValue(column.Name, out var actual)
                && !string.Equals(actual.Type, column.Type, StringComparison.Ordinal))
            .Select(column => $"'{column.Name}' is {readByName[column.Name].Type}, expected {column.Type}"));

        // Order is judged on the columns both sides have, so one missing column is not also reported as a
        // reordering of every column after it.
        var sharedExpected = expected.Select(column => column.Name).Where(readByName.ContainsKey);
        var sharedRead = read.Select(column => column.Name).Where(expectedNames.Contains);
        if (!sharedExpected.SequenceEqual(sharedRead, StringComparer.Ordinal))
        {
            differences.Add($"column order is {string.Join(", ", sharedRead)}, expected {string.Join(", ", sharedExpected)}");
        }

        var (status, message) = differences.Count == 0
            ? (ValidationStatus.Pass, Invariant($"Schema matches the {expected.Count} declared columns."))
            : (ValidationStatus.Fail, $"Schema differs: {string.Join("; ", differences)}.");
        return new ValidationResult(ValidationCheckNames.Schema, null, status, differences.Count, 0, message);
    }

    /// <summary>Fails the row read back when the file could not be read as the declared schema at all.</summary>
    /// <param name="rowsWritten">The rows the commit wrote, from its lineage.</param>
    /// <param name="reason">Why it was not read, e.g. the schema differs.</param>
    /// <returns>Observed is null (nothing was read); the threshold is the rows written.</returns>
    public static ValidationResult Unreadable(long rowsWritten, string reason) =>
        new(ValidationCheckNames.RowsRead, null, ValidationStatus.Fail, null, rowsWritten,
            Invariant($"Rows not read back ({reason}); {rowsWritten} were written."));

    /// <summary>Fails when the rows read back differ from the rows written.</summary>
    /// <param name="rowsWritten">The rows the commit wrote, from its lineage.</param>
    /// <param name="rowsRead">The rows the reader returned.</param>
    /// <returns>Observed is the rows read; the threshold is the rows written.</returns>
    public static ValidationResult CheckRowsRead(long rowsWritten, long rowsRead)
    {
        var (status, message) = rowsRead == rowsWritten
            ? (ValidationStatus.Pass, Invariant($"Read back all {rowsWritten} rows written."))
            : (ValidationStatus.Fail, Invariant($"Read back {rowsRead} rows, but {rowsWritten} were written."));
        return new ValidationResult(ValidationCheckNames.RowsRead, null, status, rowsRead, rowsWritten, message);
    }
}
