using Backfill.Core.Partitions;

namespace Backfill.Workflows.Models;

/// <summary>A daily run tells the version registry which day it processes, and learns which versions to build.</summary>
/// <param name="Live">The version the pointer names.</param>
/// <param name="Watermark">The run's watermark day.</param>
/// <param name="RetainDays">The retain window pinned by the run.</param>
public sealed record VersionAdvance(string Live, Day Watermark, int RetainDays);
