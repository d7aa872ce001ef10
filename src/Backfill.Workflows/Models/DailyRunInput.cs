namespace Backfill.Workflows.Models;

/// <summary>The input of one daily run, fixed when it starts so replays and retries see the same settings.</summary>
/// <param name="AsOf">The run time T: the watermark is date(T) − <paramref name="LagDays"/>, and every build reads landing as of T.</param>
/// <param name="Target">The feature version <c>Daily:Target</c> names (its watermark is the one <c>GET /api/daily/watermark</c> shows); the versions it builds come from the version registry.</param>
/// <param name="LagDays">Days the watermark trails the run date.</param>
/// <param name="RollingDays">Days before the watermark rebuilt in merge mode.</param>
/// <param name="Catchup">Whether missed days since the committed watermark are processed.</param>
/// <param name="MaxCatchupDays">The most catchup days this run processes, oldest first.</param>
/// <param name="MaxParallel">Work items in flight at once.</param>
/// <param name="RepairLateBeyondWindow">Whether beyond-watermark late days are queued for repair.</param>
/// <param name="Retries">Retries of a transiently failed work item.</param>
/// <param name="RetryDelaySeconds">The first retry's delay.</param>
/// <param name="CodeVersion">The code version the run is pinned to.</param>
/// <param name="ConfigHashes">The config hash of every feature version, pinned at start: a version the registry adds mid-run is built with the hash it had then.</param>
/// <param name="RetainDays">Processed days a retiring version is still built after a flip (<c>Versions:RetainDays</c>).</param>
/// <param name="BaselineAsOf">The baseline time validation compares with; pinned by the run when it starts.</param>
/// <param name="WatermarkStallDays">Days a committed watermark may trail the scheduled one before the run alerts (<c>Alerts:WatermarkStallDays</c>).</param>
/// <param name="Buckets">The entity buckets of each split dataset (<c>Layout:Buckets</c>), pinned at start; a dataset not named has one.</param>
public sealed record DailyRunInput(
    DateTimeOffset AsOf,
    string Target,
    int LagDays,
    int RollingDays,
    bool Catchup,
    int MaxCatchupDays,
    int MaxParallel,
    bool RepairLateBeyondWindow,
    int Retries,
    int RetryDelaySeconds,
    string CodeVersion,
    IReadOnlyDictionary<string, string> ConfigHashes,
    int RetainDays,
    DateTimeOffset? BaselineAsOf = null,
    int WatermarkStallDays = 2,
    IReadOnlyDictionary<string, int>? Buckets = null);
