using Backfill.Core.Landing;
using Backfill.Core.Lineage;

namespace Backfill.Storage.Commits;

/// <summary>What a builder produced for one partition: its files, the inputs read and the lines quarantined.</summary>
/// <param name="Files">The data files; the first holds the partition's rows.</param>
/// <param name="Inputs">The upstream commits read, for lineage.</param>
/// <param name="Quarantined">Malformed lines to quarantine with the commit.</param>
/// <param name="LandedLines">For raw, the landed lines of the day the build read; null for other datasets.</param>
public sealed record PartitionContent(
    IReadOnlyList<ContentFile> Files, IReadOnlyList<InputCommit> Inputs, IReadOnlyList<QuarantinedLine> Quarantined, long? LandedLines = null);
