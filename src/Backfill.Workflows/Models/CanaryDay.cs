using Backfill.Core.Partitions;
using Backfill.Core.Validation;

namespace Backfill.Workflows.Models;

/// <summary>One canary partition's re-check.</summary>
/// <param name="Day">The partition's day.</param>
/// <param name="CommitId">The target version's live commit that was read.</param>
/// <param name="Status">The worst of the results.</param>
/// <param name="Results">Schema, rows read, and drift per numeric feature against the current version.</param>
public sealed record CanaryDay(Day Day, string? CommitId, ValidationStatus Status, IReadOnlyList<ValidationResult> Results);
