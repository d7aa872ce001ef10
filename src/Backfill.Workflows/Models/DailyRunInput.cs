namespace Backfill.Workflows.Models;

/// <summary>The input of one daily run, fixed when it starts so replays and retries see the same settings.</summary>
/// <param name="AsOf">The run time T: the watermark is date(T) − <paramref name="LagDays"/>, and every build reads landing as of T.</param>
/// <param name="Target">The feature version the daily run maintains.</param>
/// <param name="LagDays">Days the watermark trails the run date.</param>
/// <param name="RollingDays">Days before the watermark rebuilt in merge mode.</param>
/// <param name="Catchup">Whether missed days since the committed watermark are processed.</param>
/// <param name="MaxCatchupDays">The most catchup days this run processes, oldest first.</param>
/// <param name="MaxParallel">Work items in flight at once.</param>
/// <param name="RepairLateBeyondWindow">Whether beyond-watermark late days are queued for repair.</param>
/// <param name="Retries">Retries of a transiently failed work item.</param>
/// <param name="RetryDelaySeconds">The first retry's delay.</param>
/// <param name="CodeVersion">The code version the run is pinned to.</param>
/// <param name="ConfigHash">The config hash of <paramref name="Target"/>.</param>
/// <param name="BaselineAsOf">The baseline time validation compares with; pinned by the run when it starts.</param>
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
    string ConfigHash,
    DateTimeOffset? BaselineAsOf = null);
