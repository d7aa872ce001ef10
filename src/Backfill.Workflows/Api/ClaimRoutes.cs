namespace Backfill.Workflows.Api;

/// <summary>The claim routes under <c>/api</c>, shared by both hosts.</summary>
public static class ClaimRoutes
{
    /// <summary>GET the active claims (<c>?dataset=&amp;from=&amp;to=</c>).</summary>
    public const string Collection = "claims";

    /// <summary>DELETE to free one run's claims by hand (admin).</summary>
    public const string Run = "claims/{runId}";
}
