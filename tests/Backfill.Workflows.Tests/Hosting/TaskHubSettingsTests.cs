using Backfill.Workflows.Hosting;
using Backfill.Workflows.Tests.Support;

namespace Backfill.Workflows.Tests.Hosting;

public sealed class TaskHubSettingsTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("1backfill")]
    [InlineData("back-fill")]
    public void Start_BadTaskHubName_FailsNamingTheSetting(string name)
    {
        var error = StartupSettings.Validate(new() { [TaskHubSettings.Key] = name });

        Assert.NotNull(error);
        Assert.Equal(typeof(TaskHubSettings), error.OptionsType);
        Assert.Contains("TaskHubName must be 3-45 letters or digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_NoTaskHubName_UsesTheOneDefault()
    {
        Assert.Equal(TaskHubSettings.DefaultName, StartupSettings.Resolve<TaskHubSettings>([]).Name);
    }

    [Fact]
    public void Bind_TaskHubName_ReadsTheRootKeyAsFunctionsDoes()
    {
        Assert.Equal("hub42", StartupSettings.Resolve<TaskHubSettings>(new() { ["TaskHubName"] = "hub42" }).Name);
    }
}
