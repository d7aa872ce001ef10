using System.Text.RegularExpressions;
using Backfill.Testing;

namespace Backfill.Workflows.Tests;

public sealed partial class LogTests
{
    private static readonly string[] LoggingProjects = ["src/Backfill.Workflows", "src/Backfill.LocalHost", "src/Backfill.Functions"];

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

    // A host logs its own events and Workflows' in one process, so an id must name one event across all three.
    [Fact]
    public void Source_EventIds_AreUniqueAcrossTheProjects()
    {
        var ids = LoggingProjects
            .SelectMany(folder => EventId().Matches(File.ReadAllText(RepositoryPaths.Combine(folder + "/Log.cs"))).Select(match => (Id: match.Groups[1].Value, folder)))
            .ToList();

        Assert.Empty(ids.GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.folder))}"));
    }

    [GeneratedRegex(@"\[LoggerMessage\(EventId = (\d+)")]
    private static partial Regex EventId();
}
