using System.CommandLine;

namespace Backfill.Cli.Commands;

/// <summary>The <c>--from</c>/<c>--to</c> day pair of the read commands; the API checks the dates and names a bad one.</summary>
/// <param name="required">Whether both days must be given; when not, the API chooses a default for a missing one.</param>
internal sealed class DayRangeOptions(bool required = false)
{
    public Option<string?> From { get; } = new("--from") { Description = "First day (YYYY-MM-DD)" + (required ? "." : "; default chosen by the API."), Required = required };

    public Option<string?> To { get; } = new("--to") { Description = "Last day (YYYY-MM-DD)" + (required ? "." : "; default chosen by the API."), Required = required };

    public void AddTo(Command command)
    {
        command.Options.Add(From);
        command.Options.Add(To);
    }

    public (string Name, string? Value)[] Query(ParseResult parse) => [("from", parse.GetValue(From)), ("to", parse.GetValue(To))];
}
