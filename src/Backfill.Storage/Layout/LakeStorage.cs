using System.ComponentModel.DataAnnotations;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Backfill.Storage.Layout;

/// <summary>The clients, settings and clock every data plane service shares.</summary>
public sealed class LakeStorage
{
    /// <summary>Creates the shared storage handle.</summary>
    /// <param name="blobs">The blob service.</param>
    /// <param name="tables">The table service.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="timeProvider">The clock for commit ids, timings and garbage retention.</param>
    /// <exception cref="ValidationException">A setting is out of range, naming the setting.</exception>
    public LakeStorage(BlobServiceClient blobs, TableServiceClient tables, LakeSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        // The hosts validate these at start (ValidateOnStart); this guards the callers that build a lake directly.
        Validator.ValidateObject(settings, new ValidationContext(settings), validateAllProperties: true);

        Container = blobs.GetBlobContainerClient(settings.ContainerName);
        Lineage = tables.GetTableClient(settings.LineageTableName);
        Settings = settings;
        Time = timeProvider;
    }

    /// <summary>Gets the settings.</summary>
    public LakeSettings Settings { get; }

    internal BlobContainerClient Container { get; }

    internal TableClient Lineage { get; }

    internal TimeProvider Time { get; }

    /// <summary>Creates the container and the lineage table when they do not exist yet.</summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task that completes when both exist.</returns>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Lineage.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }
}
