using System.ComponentModel.DataAnnotations;
using Backfill.Core.Pointers;

namespace Backfill.Workflows.Hosting;

/// <summary>Settings of the version lifecycle (section <c>Versions</c>), validated at start.</summary>
public sealed class VersionSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Versions";

    /// <summary>Processed days a retiring version is still built after a flip, so a rollback lands on a current version.</summary>
    [Range(0, 366)]
    public int RetainDays { get; set; } = VersionLifecycle.DefaultRetainDays;
}
