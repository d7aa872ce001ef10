using System.ComponentModel.DataAnnotations;

namespace Backfill.Workflows.Api;

/// <summary>Backfill defaults and limits (section <c>Backfill</c>), validated at start.</summary>
public sealed class BackfillSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Backfill";

    /// <summary>Max parallel when a request names none.</summary>
    [Range(1, 64)]
    public int MaxParallel { get; set; } = 3;

    /// <summary>Most days one backfill may cover.</summary>
    [Range(1, 36_600)]
    public int MaxDays { get; set; } = 3_660;

    /// <summary>The first retry's delay in seconds; each further retry doubles it.</summary>
    [Range(0, 300)]
    public int RetryDelaySeconds { get; set; } = 5;

    /// <summary>How long <c>POST /api/pointers/{name}/flip</c> (and rollback) waits for the flip before answering 202 with a status URL.</summary>
    [Range(0, 200)]
    public int FlipWaitSeconds { get; set; } = 60;
}
