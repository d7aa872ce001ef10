using System.Text.Json;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli;

/// <summary>What every command needs: where to write, how to reach the API, and whether to print JSON.</summary>
internal sealed record CliContext(IAnsiConsole Console, BackfillApiClient Api, bool Json)
{
    /// <summary>Prints the API's answer as JSON with <c>--json</c>, else as <paramref name="human"/> renders it.</summary>
    public void Show(JsonElement answer, Action human)
    {
        ArgumentNullException.ThrowIfNull(human);
        if (Json)
        {
            JsonOutput.Write(Console, answer);
        }
        else
        {
            human();
        }
    }
}
