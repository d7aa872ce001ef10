namespace Backfill.Infra.Tests.Support;

/// <summary>What one Bicep CLI run printed and returned.</summary>
public sealed record BicepResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public string Output => $"bicep {Command} exited {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{StandardOutput}{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}";

    /// <summary>True when the run succeeded and printed nothing: Bicep prints every diagnostic, so silence means none.</summary>
    public bool IsCleanSuccess => ExitCode == 0 && string.IsNullOrWhiteSpace(StandardOutput) && string.IsNullOrWhiteSpace(StandardError);
}
