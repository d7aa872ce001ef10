namespace Backfill.LocalHost.Tests.Engine;

/// <summary>A fresh task hub per test, so tests sharing one Azurite never see each other's work.</summary>
internal static class TaskHubNames
{
    public static string New() => "t" + Guid.NewGuid().ToString("N")[..12];
}
