using System.Text.RegularExpressions;
using Backfill.Testing;

namespace Backfill.Functions.Tests;

/// <summary>
/// <c>docs/glossary.md</c>, read as data: the terms (bold in a table's first column), the words each term is not to be
/// called, and the table of names on the public surface, each with the term it stands for.
/// </summary>
internal sealed partial record GlossaryDocument(
    IReadOnlySet<string> Terms, IReadOnlySet<string> Avoided, IReadOnlyDictionary<string, GlossaryName> Names)
{
    private const string NamesHeading = "## Names on the public surface";

    public static GlossaryDocument Load()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Combine("docs/glossary.md"));
        var namesAt = Array.IndexOf(lines, NamesHeading);
        Assert.True(namesAt > 0, $"docs/glossary.md has no '{NamesHeading}' section");

        var terms = new HashSet<string>(StringComparer.Ordinal);
        var avoided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cells in Rows(lines[..namesAt]))
        {
            terms.UnionWith(Bold().Matches(cells[0]).Select(m => m.Groups[1].Value));
            if (cells.Length > 2)
            {
                // "range (a range is one form of it)": the avoided word is what stands before any parenthesis.
                avoided.UnionWith(Parenthesis().Replace(cells[2], string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }
        }

        var names = new Dictionary<string, GlossaryName>(StringComparer.Ordinal);
        foreach (var cells in Rows(lines[(namesAt + 1)..]))
        {
            var name = cells[0].Trim('`');
            Assert.True(names.TryAdd(name, new GlossaryName(cells[1], cells.Length > 2 && cells[2].StartsWith("deprecated", StringComparison.Ordinal))),
                $"docs/glossary.md lists '{name}' twice");
        }

        return new GlossaryDocument(terms, avoided, names);
    }

    // Table body rows only: a header row is followed by the |---| rule, and both are skipped.
    private static IEnumerable<string[]> Rows(IEnumerable<string> lines)
    {
        var table = lines.Where(l => l.StartsWith('|')).ToList();
        for (var i = 0; i < table.Count; i++)
        {
            if (table[i].StartsWith("|---", StringComparison.Ordinal) || (i + 1 < table.Count && table[i + 1].StartsWith("|---", StringComparison.Ordinal)))
            {
                continue;
            }

            yield return table[i].Trim('|').Split('|', StringSplitOptions.TrimEntries);
        }
    }

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesis();
}
