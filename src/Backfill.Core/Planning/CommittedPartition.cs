namespace Backfill.Core.Planning;

/// <summary>The live commit of one dataset partition: what produced it.</summary>
/// <param name="CommitId">The live commit.</param>
/// <param name="CodeVersion">The code version that produced it.</param>
/// <param name="ConfigHash">The config hash it was produced with.</param>
/// <param name="Bytes">The size of its files; null when not read.</param>
public sealed record CommittedPartition(string CommitId, string CodeVersion, string ConfigHash, long? Bytes = null);
