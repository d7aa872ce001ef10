using System.Text.RegularExpressions;
using Backfill.Testing;

namespace Backfill.Workflows.Tests;

public sealed partial class LogTests
{
    // One Log class per project that logs; the hosts are scanned here too, as this is the cheapest place to read source.
    [Theory]
    [InlineData("src/Backfill.Workflows")]
    [InlineData("src/Backfill.LocalHost")]
    [InlineData("src/Backfill.Functions")]
    public void Source_EveryLoggerMessage_IsInTheLogClassWithIdsInOrder(string folder)
    {
        var project = RepositoryPaths.Combine(folder);
        var logClass = Path.Combine(project, "Log.cs");
        var elsewhere = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(path => path != logClass && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => File.ReadAllText(path).Contains("[LoggerMessage", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(project, path))
            .ToList();

        var ids = EventId().Matches(File.ReadAllText(logClass)).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.True(elsewhere.Count == 0, "[LoggerMessage] outside Log.cs: " + string.Join(", ", elsewhere));
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Order().Distinct(), ids);
    }

    [GeneratedRegex(@"\[LoggerMessage\(EventId = (\d+)")]
    private static partial Regex EventId();
}
