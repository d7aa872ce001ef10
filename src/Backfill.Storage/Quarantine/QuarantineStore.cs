using System.Text;
using System.Text.Json;
using Azure;
using Backfill.Core.Landing;
using Backfill.Core.Partitions;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Quarantine;

/// <summary>
/// Quarantine files, one per commit (<c>quarantine/date=D/commit={id}.jsonl</c>), so a rerun replaces rather
/// than adds to the count: the live commit names how many lines it quarantined.
/// </summary>
internal sealed class QuarantineStore(LakeStorage lake)
{
    public async Task WriteAsync(
        Day partition, string commitId, IReadOnlyList<QuarantinedLine> lines, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(JsonSerializer.Serialize(QuarantineEntry.From(line), LakeJson.LineOptions)).Append('\n');
        }

        await lake.Container.GetBlobClient(LakePaths.Quarantine(partition, commitId))
            .UploadAsync(BinaryData.FromString(text.ToString()), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QuarantinedLine>> ReadAsync(
        Day partition, string commitId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await lake.Container.GetBlobClient(LakePaths.Quarantine(partition, commitId))
                .DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return [.. content.Value.Content.ToString()
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonSerializer.Deserialize<QuarantineEntry>(line, LakeJson.LineOptions)!.ToQuarantinedLine())];
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    public Task DeleteAsync(Day partition, string commitId, CancellationToken cancellationToken) =>
        lake.Container.GetBlobClient(LakePaths.Quarantine(partition, commitId)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
