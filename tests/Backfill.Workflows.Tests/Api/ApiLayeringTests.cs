using Backfill.Testing;

namespace Backfill.Workflows.Tests.Api;

public sealed class ApiLayeringTests
{
    // The API sits on top: it may use everything in Workflows, and only the hosts (which serve it) may use it.
    // A type that the pipeline, the entities or the alerts need belongs in their folder, not in Api/.
    private static readonly string[] AllowedFolders =
    [
        "src/Backfill.Workflows/Api/",
        "src/Backfill.Functions/",
        "src/Backfill.LocalHost/",
    ];

    [Fact]
    public void SourceFiles_OutsideTheApiAndTheHosts_DoNotUseTheApiNamespace()
    {
        var sources = Directory.EnumerateFiles(RepositoryPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .ToList();
        var checkedFiles = sources.Where(path => !AllowedFolders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal))).ToList();

        var offenders = checkedFiles
            .Where(path => File.ReadLines(RepositoryPaths.Combine(path)).Any(line => line.Contains("Backfill.Workflows.Api", StringComparison.Ordinal)))
            .ToList();

        Assert.Contains("src/Backfill.Workflows/Pipeline/PipelineWorkItemRunner.cs", checkedFiles);
        Assert.True(offenders.Count == 0, "These files use Backfill.Workflows.Api outside Api/ and the hosts: " + string.Join(", ", offenders));
    }
}
