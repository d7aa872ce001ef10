namespace Backfill.Workflows.Api;

/// <summary>The pointer and read routes under <c>/api</c>, shared by both hosts.</summary>
public static class PointerRoutes
{
    /// <summary>GET a pointer's state and history.</summary>
    public const string Item = "pointers/{name}";

    /// <summary>POST to flip a pointer to a new version.</summary>
    public const string Flip = "pointers/{name}/flip";

    /// <summary>POST to restore a pointer's previous version.</summary>
    public const string Rollback = "pointers/{name}/rollback";

    /// <summary>GET a flip or rollback run's status.</summary>
    public const string Operation = "pointers/{name}/operations/{instanceId}";

    /// <summary>GET up to <c>limit</c> rows of one partition of a dataset or of the version a pointer names.</summary>
    public const string Read = "read/{dataset}/{date}";
}
