using Backfill.Core.Partitions;

namespace Backfill.Workflows.Models;

/// <summary>Asks for a scan of landing for events of closed days that arrived after their last reprocess.</summary>
/// <param name="Days">The closed days to scan.</param>
/// <param name="AsOf">The run time: landing hours that ended by then are read.</param>
public sealed record LateScanRequest(IReadOnlyList<Day> Days, DateTimeOffset AsOf);
