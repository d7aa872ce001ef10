using Backfill.Core.Partitions;
using Backfill.Core.Reports;

namespace Backfill.Storage.Reports;

/// <summary>What a repair report is about.</summary>
/// <param name="RunId">The backfill's id: its commits' run id.</param>
/// <param name="Datasets">The datasets its layers write, in pipeline order.</param>
/// <param name="First">The first day of its partition set.</param>
/// <param name="Last">The last day of its partition set.</param>
/// <param name="StartedAt">When it started: its submission time.</param>
/// <param name="Context">The days whose partitions it did not publish are proven unchanged (or not).</param>
public sealed record RepairReportRequest(
    string RunId, IReadOnlyList<string> Datasets, Day First, Day Last, DateTimeOffset StartedAt, ReportRange Context);
