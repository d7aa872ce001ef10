using System.Text.RegularExpressions;
using Backfill.Testing;

namespace Backfill.Workflows.Tests;

public sealed partial class LogTests
{
    // Every project that logs; the hosts are scanned here too, as this is the cheapest place to read source.
    public static readonly TheoryData<string> LoggingProjects = new("src/Backfill.Workflows", "src/Backfill.LocalHost", "src/Backfill.Functions");

    // One Log class per project that logs.
    [Theory]
    [MemberData(nameof(LoggingProjects))]
    public void Source_EveryLoggerMessage_IsInTheLogClassWithIdsInOrder(string folder)
    {
        var project = RepositoryPaths.Combine(folder);
        var logClass = Path.Combine(project, "Log.cs");
        var elsewhere = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(path => path != logClass && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => File.ReadAllText(path).Contains("[LoggerMessage", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(project, path))
            .ToList();

        var ids = IdsOf(folder);

        Assert.True(elsewhere.Count == 0, "[LoggerMessage] outside Log.cs: " + string.Join(", ", elsewhere));
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Order().Distinct(), ids);
    }

    // A host logs its own events and Workflows' in one process, so an id must name one event across all three.
    [Fact]
    public void Source_EventIds_AreUniqueAcrossTheProjects()
    {
        var ids = LoggingProjects.Select(row => row.Data).SelectMany(folder => IdsOf(folder).Select(id => (Id: id, folder))).ToList();

        Assert.Empty(ids.GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.folder))}"));
    }

    // The event ids of a project's Log class, in source order.
    private static List<int> IdsOf(string folder) =>
        [.. EventId().Matches(File.ReadAllText(RepositoryPaths.Combine(folder + "/Log.cs"))).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"\[LoggerMessage\(EventId = (\d+)")]
    private static partial Regex EventId();
}
