using System.Text.Json;
using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli;

/// <summary>What every command needs: where to write answers and warnings, how to reach the API, and whether to print JSON.</summary>
internal sealed record CliContext(IAnsiConsole Console, IAnsiConsole Errors, BackfillApiClient Api, bool Json)
{
    /// <summary>Writes a warning to standard error, so that <c>--json</c> output stays one JSON document.</summary>
    public void Warn(string message) => Errors.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}");

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
