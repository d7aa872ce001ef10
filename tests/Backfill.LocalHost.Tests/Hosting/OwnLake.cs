using Backfill.Storage.Layout;

namespace Backfill.LocalHost.Tests.Hosting;

/// <summary>A lake (container and lineage table) no other test uses, so no other run's partitions are its baseline.</summary>
internal sealed record OwnLake(LakeSettings Options)
{
    public static OwnLake New()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new(new LakeSettings { ContainerName = "lake-" + id, LineageTableName = "lineage" + id });
    }

    /// <summary>The host settings that point it at this lake.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Lake:ContainerName"] = Options.ContainerName,
        ["Lake:LineageTableName"] = Options.LineageTableName,
    };
}
