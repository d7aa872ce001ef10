using Backfill.Cli.Api;
using Spectre.Console;

namespace Backfill.Cli;

/// <summary>What every command needs: where to write, how to reach the API, and whether to print JSON.</summary>
internal sealed record CliContext(IAnsiConsole Console, BackfillApiClient Api, bool Json);
