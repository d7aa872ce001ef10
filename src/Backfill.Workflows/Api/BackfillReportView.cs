namespace Backfill.Workflows.Api;

/// <summary>Answer of <c>GET /api/backfills/{id}/report</c>: the <b>repair report</b> of a finished backfill.</summary>
/// <param name="Id">The backfill.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Target">Its feature version.</param>
/// <param name="Partitions">Its partition set.</param>
/// <param name="StartedAt">Its submission time: untouched manifests are proven unchanged since then.</param>
/// <param name="From">The context range's first day.</param>
/// <param name="To">The context range's last day.</param>
/// <param name="Summary">The counts.</param>
/// <param name="Published">Every partition it published, with rows before and after and the deltas.</param>
/// <param name="Untouched">Every other partition of its datasets in <paramref name="From"/>..<paramref name="To"/>, with the proof.</param>
/// <param name="Stale">Downstream partitions its publishes made stale.</param>
/// <param name="Repairs">One ready repair per feature version with stale partitions.</param>
public sealed record BackfillReportView(
    string Id,
    Backfill.Workflows.Models.BackfillStatus Status,
    string Target,
    string Partitions,
    DateTimeOffset StartedAt,
    string From,
    string To,
    ReportSummaryView Summary,
    IReadOnlyList<ReportPublishedView> Published,
    IReadOnlyList<ReportUntouchedView> Untouched,
    IReadOnlyList<ReportStaleView> Stale,
    IReadOnlyList<StaleRepairView> Repairs);
