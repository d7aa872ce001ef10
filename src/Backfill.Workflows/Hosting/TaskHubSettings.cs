using System.ComponentModel.DataAnnotations;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// The durable task hub both hosts run on, read from the Functions app setting <c>TaskHubName</c> (host.json's
/// <c>hubName</c> is <c>%TaskHubName%</c>), so the local host, the Functions app and the daily run's claims agree on it.
/// </summary>
public sealed class TaskHubSettings
{
    /// <summary>The configuration key (a root key, as the Functions host reads it).</summary>
    public const string Key = "TaskHubName";

    /// <summary>The hub when <see cref="Key"/> is not set; infra's <c>taskHubName</c> parameter has the same default.</summary>
    public const string DefaultName = "backfill";

    /// <summary>The hub name: the prefix of the engine's queues, tables and containers, and the daily run claims' partition.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = Key + " must be 3-45 letters or digits, starting with a letter.")]
    public string Name { get; set; } = DefaultName;
}
