using Backfill.Storage.Backfills;
using Backfill.Workflows.Json;

namespace Backfill.Workflows.Api;

/// <summary>One work item of a backfill.</summary>
/// <param name="Layer">raw, staging or features.</param>
/// <param name="Date">The partition's day.</param>
/// <param name="Status">pending, running, succeeded, skipped, failed, blocked, waiting (another run holds its partition), or cutOff (in flight when the backfill was terminated).</param>
/// <param name="Attempts">Attempts so far (0 if never started).</param>
/// <param name="Rows">Rows in the published partition.</param>
/// <param name="DurationMs">The latest attempt's run time.</param>
/// <param name="Error">Why it failed, why it is blocked, or what it waits for.</param>
/// <param name="StartedAt">When the latest attempt started.</param>
/// <param name="FinishedAt">When the latest attempt ended.</param>
/// <param name="Validation">Every validation result when the latest attempt failed validation: the failure reasons and the checks that passed.</param>
/// <param name="Redelivered">
/// True when it succeeded because an earlier delivery of the item, whose host stopped before reporting, published it:
/// counted once, as succeeded (skipped means another run had built it).
/// </param>
/// <param name="AttemptLog">Every attempt, oldest first: start, end, outcome and error (the newest 10; see <see cref="ItemAttempts"/>).</param>
public sealed record BackfillItemView(
    string Layer, string Date, string Status, int Attempts, long Rows, long DurationMs, string? Error, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyList<ValidationResultView>? Validation = null, bool Redelivered = false, IReadOnlyList<ItemAttempt>? AttemptLog = null)
{
    /// <summary>The status of an item that was in flight when its backfill was terminated.</summary>
    public const string CutOff = "cutOff";
}
