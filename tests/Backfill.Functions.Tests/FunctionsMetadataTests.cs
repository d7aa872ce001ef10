using System.Text.Json;
using Backfill.Testing;

namespace Backfill.Functions.Tests;

/// <summary>
/// The Functions host cannot run here, so the published functions.metadata (what the host reads to
/// index triggers) is the contract we check.
/// </summary>
public sealed class FunctionsMetadataTests(PublishedAppFixture app) : IClassFixture<PublishedAppFixture>
{
    [Fact]
    public void Metadata_DailyTimer_IsTimerOnDailyScheduleSetting()
    {
        var trigger = TriggerOf("DailyTimer");

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%DailySchedule%", trigger.GetProperty("schedule").GetString());
        Assert.True(trigger.GetProperty("useMonitor").GetBoolean());
    }

    [Fact]
    public void Metadata_Health_IsAnonymousGetOnHealthRoute()
    {
        var trigger = TriggerOf("Health");

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("health", trigger.GetProperty("route").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Publish_Output_HasHostJsonAndWorkerConfig()
    {
        Assert.True(File.Exists(Path.Combine(app.Folder, "host.json")), "host.json is published");
        Assert.True(File.Exists(Path.Combine(app.Folder, "worker.config.json")), "worker.config.json is published");
    }

    [Fact]
    public void SampleSettings_DailySchedule_IsTwoAmUtc()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("local.settings.sample.json")));

        Assert.Equal("0 0 2 * * *", settings.RootElement.GetProperty("Values").GetProperty("DailySchedule").GetString());
    }

    private JsonElement TriggerOf(string functionName)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Folder, "functions.metadata")));
        var function = metadata.RootElement.EnumerateArray()
            .SingleOrDefault(f => f.GetProperty("name").GetString() == functionName);
        Assert.True(function.ValueKind == JsonValueKind.Object, $"functions.metadata has no function '{functionName}'");
        return function.GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))
            .Clone();
    }
}
