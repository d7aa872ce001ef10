namespace Backfill.Core.Validation;

/// <summary>
/// What reading a staged commit's files back showed: the half of validation that needs the data. It is taken where
/// the data is (the whole commit, or one bucket of it) and is small, so a bucketed day's gate judges the merged
/// read-backs of its buckets without reading a data file.
/// </summary>
/// <param name="Schema">The schema check of the files read.</param>
/// <param name="RowsRead">The rows read back; null when the files could not be read as the declared schema.</param>
/// <param name="Duplicates">Repeated keys (staging and features); null for raw.</param>
/// <param name="Entities">For features, the distinct entities; null otherwise.</param>
/// <param name="UpstreamEntities">For features, the distinct staging entities of the window the build read; null otherwise.</param>
/// <param name="Quarantined">For raw, the lines quarantined with the commit; null otherwise.</param>
/// <param name="Profile">The profile of the rows read; null when they could not be read.</param>
public sealed record ReadBack(
    ValidationResult Schema,
    long? RowsRead,
    DuplicateKeys? Duplicates,
    long? Entities,
    long? UpstreamEntities,
    long? Quarantined,
    PartitionProfile? Profile)
{
    /// <summary>
    /// Merges the read-backs of disjoint parts of one commit (its buckets): counts add up, because buckets split the
    /// entities and every key, duplicate and entity lies in one bucket; the profiles merge; the schema is the first
    /// part's failure, else the first part's pass.
    /// </summary>
    /// <param name="parts">At least one part.</param>
    /// <returns>The read-back of the whole commit.</returns>
    /// <exception cref="ArgumentException"><paramref name="parts"/> is empty.</exception>
    public static ReadBack Merge(IReadOnlyList<ReadBack> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("At least one part is needed.", nameof(parts));
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        var duplicates = parts.Select(part => part.Duplicates).OfType<DuplicateKeys>().ToList();
        return new ReadBack(
            parts.FirstOrDefault(part => part.Schema.Status == ValidationStatus.Fail)?.Schema ?? parts[0].Schema,
            Sum(parts, part => part.RowsRead),
            duplicates.Count == 0
                ? null
                : new DuplicateKeys(
                    duplicates[0].KeyColumns,
                    duplicates.Sum(part => part.DuplicateCount),
                    duplicates.Select(part => part.ExampleKey).FirstOrDefault(key => key is not null)),
            Sum(parts, part => part.Entities),
            Sum(parts, part => part.UpstreamEntities),
            Sum(parts, part => part.Quarantined),
            parts.Any(part => part.Profile is null) ? null : PartitionProfiles.Merge([.. parts.Select(part => part.Profile!)]));
    }

    // Null when any part lacks the figure: a sum over some buckets would understate the day.
    private static long? Sum(IReadOnlyList<ReadBack> parts, Func<ReadBack, long?> figure) =>
        parts.Any(part => figure(part) is null) ? null : parts.Sum(part => figure(part)!.Value);
}
