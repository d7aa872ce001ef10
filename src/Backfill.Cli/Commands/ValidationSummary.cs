using System.Text.Json;

namespace Backfill.Cli.Commands;

/// <summary>A list of validation results as one short cell: counts per status, e.g. <c>4 pass 1 fail</c>.</summary>
internal static class ValidationSummary
{
    private static readonly string[] Statuses = ["pass", "warn", "fail"];

    public static string Of(IEnumerable<JsonElement> results)
    {
        var checks = results.GroupBy(v => v.Text("status")).ToDictionary(g => g.Key, g => g.Count());
        return string.Join(" ", Statuses.Where(checks.ContainsKey).Select(s => $"{checks[s]} {s}"));
    }
}
