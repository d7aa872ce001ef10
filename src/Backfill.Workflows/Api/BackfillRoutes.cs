namespace Backfill.Workflows.Api;

/// <summary>The backfill routes under <c>/api</c>, shared by both hosts.</summary>
public static class BackfillRoutes
{
    /// <summary>POST to start (or dry-run) a backfill; GET to list.</summary>
    public const string Collection = "backfills";

    /// <summary>GET one backfill; PATCH its max parallel.</summary>
    public const string Item = "backfills/{id}";

    /// <summary>POST to cancel.</summary>
    public const string Cancel = "backfills/{id}/cancel";

    /// <summary>POST to start a new backfill of the failed and blocked items.</summary>
    public const string RetryFailed = "backfills/{id}/retry-failed";

    /// <summary>POST to resume a paused backfill.</summary>
    public const string Resume = "backfills/{id}/resume";

    /// <summary>POST to pause: in-flight items finish, nothing new starts until resumed.</summary>
    public const string Pause = "backfills/{id}/pause";

    /// <summary>POST to force-stop, freeing the claims and activity slots at once.</summary>
    public const string Terminate = "backfills/{id}/terminate";

    /// <summary>The absolute URI of a backfill route for <paramref name="id"/>, on the host that served <paramref name="request"/>.</summary>
    public static string Uri(Microsoft.AspNetCore.Http.HttpRequest request, string route, string id) => ApiUris.Of(request, route, "id", id);
}
