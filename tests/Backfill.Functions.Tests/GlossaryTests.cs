using System.CommandLine;
using Backfill.Cli;

namespace Backfill.Functions.Tests;

/// <summary>
/// One name per concept on the public surface: every route segment of the API and every CLI command and option is
/// listed in <c>docs/glossary.md</c> with the term it stands for, none is a word the glossary avoids (unless it is a
/// deprecated alias), and the list names nothing the surface does not have.
/// </summary>
public sealed class GlossaryTests
{
    // System.CommandLine's own options: named by the library, not by us.
    private static readonly HashSet<string> LibraryNames = ["help", "h", "?", "version"];

    private static readonly GlossaryDocument Glossary = GlossaryDocument.Load();

    [Fact]
    public void RouteSegments_EachListedWithAGlossaryTerm()
    {
        AssertListed(RouteSegments(), "route segment");
    }

    [Fact]
    public void CliNames_EachListedWithAGlossaryTerm()
    {
        AssertListed(CliNames(), "CLI name");
    }

    [Fact]
    public void ListedNames_EachOnTheSurfaceAndStandingForATerm()
    {
        var surface = RouteSegments().Concat(CliNames()).ToHashSet(StringComparer.Ordinal);

        AssertNone(Glossary.Names.Keys.Where(n => !surface.Contains(n)).Select(n => $"'{n}' is listed but neither a route segment nor a CLI name")
            .Concat(Glossary.Names.Where(n => !Glossary.Terms.Contains(n.Value.Term)).Select(n => $"'{n.Key}' stands for '{n.Value.Term}', which is no glossary term")));
    }

    private static void AssertListed(IEnumerable<string> names, string what)
    {
        var problems = new List<string>();
        foreach (var name in names.Distinct().Order(StringComparer.Ordinal))
        {
            if (!Glossary.Names.TryGetValue(name, out var listed))
            {
                problems.Add($"{what} '{name}' is not in docs/glossary.md's names on the public surface");
            }
            else if (!listed.Deprecated && AvoidedWord(name) is { } word)
            {
                problems.Add($"{what} '{name}' uses '{word}', a word the glossary avoids");
            }
        }

        AssertNone(problems);
    }

    private static void AssertNone(IEnumerable<string> problems)
    {
        var all = problems.ToList();
        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all));
    }

    // A word the glossary avoids for one concept may be part of another's term: "write" of "write mode", "flip" itself.
    private static string? AvoidedWord(string name)
    {
        var spaced = $" {name.Replace('-', ' ')} ";
        var covered = Glossary.Terms.Where(t => spaced.Contains($" {t} ", StringComparison.Ordinal)).SelectMany(t => t.Split(' ')).ToHashSet();
        return name.Split('-').FirstOrDefault(w => Glossary.Avoided.Contains(w) && !covered.Contains(w));
    }

    private static IEnumerable<string> RouteSegments() =>
        HostParityTests.LocalRoutes()
            .SelectMany(route => route.Split(' ')[1].Split('/'))
            .Where(segment => segment != "api" && !segment.StartsWith('{'));

    private static IEnumerable<string> CliNames()
    {
        var pending = new Stack<Command>([CliApp.Commands(_ => throw new InvalidOperationException("no command runs here"))]);
        while (pending.TryPop(out var command))
        {
            if (command is not RootCommand)
            {
                yield return command.Name;
            }

            foreach (var option in command.Options)
            {
                foreach (var name in option.Aliases.Append(option.Name).Select(n => n.TrimStart('-', '/')).Where(n => !LibraryNames.Contains(n)))
                {
                    yield return name;
                }
            }

            foreach (var sub in command.Subcommands)
            {
                pending.Push(sub);
            }
        }
    }
}
