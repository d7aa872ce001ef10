namespace Backfill.Core.Validation;

/// <summary>
/// What the key uniqueness check needs, cheap to get in one query:
/// <c>COUNT(*) − COUNT(DISTINCT key)</c> and any one key that repeats.
/// </summary>
/// <param name="KeyColumns">The key, e.g. <c>entity_id, date</c> for features or <c>event_id</c> for staging.</param>
/// <param name="DuplicateCount">Rows beyond the first of each key: 0 when the key is unique.</param>
/// <param name="ExampleKey">One repeated key's value, for the message; <see langword="null"/> when there is none.</param>
public sealed record DuplicateKeys(IReadOnlyList<string> KeyColumns, long DuplicateCount, string? ExampleKey);
