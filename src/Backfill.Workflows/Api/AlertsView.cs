using Backfill.Workflows.Alerts;

namespace Backfill.Workflows.Api;

/// <summary>The body of <c>GET /api/alerts</c>.</summary>
/// <param name="Alerts">The alerts, newest first.</param>
public sealed record AlertsView(IReadOnlyList<AlertView> Alerts);
