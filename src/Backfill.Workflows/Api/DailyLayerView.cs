namespace Backfill.Workflows.Api;

/// <summary>One layer of one day in a daily run's status.</summary>
/// <param name="Layer">raw, staging or features.</param>
/// <param name="Outcome">succeeded, skipped, failed, transient, codeVersionMismatch or repin.</param>
/// <param name="Rows">Rows in the live partition.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="Error">Why it failed; null on success.</param>
public sealed record DailyLayerView(string Layer, string Outcome, long Rows, int Attempts, string? Error);
