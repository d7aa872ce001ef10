using Spectre.Console;

using Backfill.Cli;

namespace Backfill.Testing;

/// <summary>Runs the `backfill` CLI in-process with captured, colourless output.</summary>
public sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await CliApp.RunAsync(args, Plain(output), Plain(errors));
        return new CliRun(exit, output.ToString(), errors.ToString());
    }

    private static IAnsiConsole Plain(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
}
