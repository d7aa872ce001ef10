using Azure;
using Azure.Storage.Blobs.Models;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Pointers;

/// <summary>
/// A blob mirroring a Durable entity's state for readers outside Durable. It is replaced only with If-Match on the
/// ETag it was read with, and only by a state of higher sequence: written only from states the entity held, it can
/// lag the entity but never show a state the entity did not hold, and a late or repeated write never moves it back.
/// </summary>
/// <typeparam name="T">The mirrored state.</typeparam>
internal sealed class MirrorBlob<T>(LakeStorage lake, Func<T, long> sequenceOf)
    where T : class
{
    private const int MaxAttempts = 10;

    /// <summary>Reads the mirror with one blob read; null when none was written yet.</summary>
    public async Task<T?> GetAsync(string path, CancellationToken cancellationToken) =>
        (await ReadAsync(path, cancellationToken).ConfigureAwait(false)).Mirror;

    /// <summary>
    /// Moves the mirror forward to <paramref name="state"/> unless it already shows that sequence or a later one.
    /// Safe to repeat and to race: concurrent writers re-read and retry, and the highest sequence wins.
    /// </summary>
    /// <returns>The mirror as it is afterwards.</returns>
    public async Task<T> AdvanceAsync(string path, T state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var blob = lake.Container.GetBlobClient(path);
        for (var attempt = 1; ; attempt++)
        {
            var (mirror, etag) = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
            if (mirror is not null && sequenceOf(mirror) >= sequenceOf(state))
            {
                return mirror;
            }

            var conditions = etag is { } match ? new BlobRequestConditions { IfMatch = match } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                await blob.UploadAsync(
                    LakeJson.Serialize(state),
                    new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                    cancellationToken).ConfigureAwait(false);
                return state;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer moved the mirror between our read and write: read again and decide again.
            }
        }
    }

    private async Task<(T? Mirror, ETag? ETag)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var blob = lake.Container.GetBlobClient(path);
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return (LakeJson.Deserialize<T>(download.Value.Content), download.Value.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (null, null);
        }
    }
}
