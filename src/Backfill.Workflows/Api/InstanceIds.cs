using System.Text.RegularExpressions;

namespace Backfill.Workflows.Api;

/// <summary>
/// Ids this API ever creates use only these characters; anything else in a route is an unknown id
/// (a 404), never passed to storage where characters like '/' or '#' are invalid keys (a 500).
/// </summary>
internal static partial class InstanceIds
{
    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
