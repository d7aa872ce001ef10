namespace Backfill.Workflows.Api;

/// <summary>The answer to <c>GET /api/late-data?from=&amp;to=</c>.</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="Watermark">The committed watermark; null before the first daily commit.</param>
/// <param name="RollingDays">Days each run rebuilds in merge mode.</param>
/// <param name="Days">Every day from <paramref name="From"/> to <paramref name="To"/>, oldest first.</param>
public sealed record LateDataView(string From, string To, string? Watermark, int RollingDays, IReadOnlyList<LateDataDayView> Days);
