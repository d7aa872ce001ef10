using System.ComponentModel.DataAnnotations;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// Test-only crash drills (section <c>Backfill:FaultHooks</c>): never set in a deployment. Each hook stops the
/// process at one exact point of a multi-write change, so a test can prove a restarted host converges.
/// </summary>
public sealed class FaultHookSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Backfill:FaultHooks";

    /// <summary>
    /// <c>dataset/YYYY-MM-DD</c>: the process kills itself (SIGKILL, no shutdown code) right after publishing that
    /// partition's manifest and before its lineage row says published. Null (the default) disables the hook.
    /// </summary>
    [RegularExpression("^[a-z0-9_]+/[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    public string? ExitAfterManifestWrite { get; set; }
}
