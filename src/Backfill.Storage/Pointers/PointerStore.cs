using Azure;
using Azure.Storage.Blobs.Models;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Pointers;

/// <summary>
/// Reads and advances pointer mirror blobs. A mirror is replaced only with If-Match on the ETag it was read
/// with, and only by a state of higher sequence: written only from states the entity held, it can lag the
/// entity but never show a version the entity did not hold, and a late or repeated write never moves it back.
/// </summary>
public sealed class PointerStore
{
    private const int MaxAttempts = 10;
    private readonly LakeStorage lake;

    /// <summary>Creates the store.</summary>
    /// <param name="lake">The shared storage handle.</param>
    public PointerStore(LakeStorage lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        this.lake = lake;
    }

    /// <summary>Reads a pointer's mirror with one blob read.</summary>
    /// <param name="name">The pointer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The mirror; null when none was written yet.</returns>
    public async Task<PointerMirror?> GetAsync(string name, CancellationToken cancellationToken) =>
        (await ReadAsync(name, cancellationToken).ConfigureAwait(false)).Mirror;

    /// <summary>
    /// Moves the mirror forward to <paramref name="state"/> unless it already shows that sequence or a later one.
    /// Safe to repeat and to race: concurrent writers re-read and retry, and the highest sequence wins.
    /// </summary>
    /// <param name="state">A state the pointer entity held.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The mirror as it is afterwards.</returns>
    public async Task<PointerMirror> AdvanceAsync(PointerMirror state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var blob = lake.Container.GetBlobClient(LakePaths.Pointer(state.Name));
        for (var attempt = 1; ; attempt++)
        {
            var (mirror, etag) = await ReadAsync(state.Name, cancellationToken).ConfigureAwait(false);
            if (mirror is not null && mirror.Sequence >= state.Sequence)
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

    private async Task<(PointerMirror? Mirror, ETag? ETag)> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var blob = lake.Container.GetBlobClient(LakePaths.Pointer(name));
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return (LakeJson.Deserialize<PointerMirror>(download.Value.Content), download.Value.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (null, null);
        }
    }
}
