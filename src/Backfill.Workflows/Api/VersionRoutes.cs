namespace Backfill.Workflows.Api;

/// <summary>The version lifecycle routes under <c>/api</c>, shared by both hosts.</summary>
public static class VersionRoutes
{
    /// <summary>GET every feature version with its version state and committed days.</summary>
    public const string Collection = "versions";

    /// <summary>POST to retire a version (never the live one).</summary>
    public const string Retire = "versions/{version}/retire";
}
