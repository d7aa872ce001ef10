using Backfill.Core.Validation;
using Backfill.Storage.Commits;
using Backfill.Storage.Validation;
using Backfill.Workflows.Hosting;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Pipeline;

/// <summary>
/// The checks every staged commit passes before it may be published (<see cref="PartitionValidator"/>), with each
/// dataset's thresholds from the <c>Validation</c> settings. A fail keeps the previous commit live.
/// </summary>
public sealed class PartitionGate(LakeReady lakeReady, IOptions<ValidationSettings> settings) : ICommitValidator
{
    /// <inheritdoc />
    public async Task<PartitionValidationReport> ValidateAsync(StagedCommit staged, CancellationToken cancellationToken)
    {
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        return await new PartitionValidator(lake, settings.Value.ThresholdsFor).ValidateAsync(staged, cancellationToken).ConfigureAwait(false);
    }
}
