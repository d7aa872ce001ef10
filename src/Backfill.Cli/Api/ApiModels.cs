namespace Backfill.Cli.Api;

// The CLI's view of the API's JSON: only the fields it shows. It deliberately shares no code with
// the server, so it can only use what the HTTP contract really offers.

internal sealed record StorageHealthView(string Service, bool Healthy, string? Detail);

internal sealed record EngineView(string Kind, string TaskHub, bool Running);

internal sealed record HealthView(string Status, string CodeVersion, EngineView Engine, IReadOnlyList<StorageHealthView> Storage)
{
    /// <summary>The <c>status</c> of a host whose engine and storage all answer.</summary>
    public const string HealthyStatus = "healthy";
}

internal sealed record EngineCheckItemView(int Index, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int ProcessId);

internal sealed record EngineCheckResultView(IReadOnlyList<EngineCheckItemView> Items, int MaxObservedParallel, int TallyCompleted);

internal sealed record EngineCheckStatusView(string InstanceId, string RuntimeStatus, string StatusUrl, EngineCheckResultView? Result, string? Failure);
