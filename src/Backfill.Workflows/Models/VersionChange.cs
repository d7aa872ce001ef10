using Backfill.Core.Pointers;

namespace Backfill.Workflows.Models;

/// <summary>The version registry after an operation that may be refused.</summary>
/// <param name="State">The registry's state afterwards.</param>
/// <param name="Refused">Why the operation was refused; null when it applied.</param>
public sealed record VersionChange(VersionLifecycle State, string? Refused);
