using Backfill.Core.Partitions;
using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>A <c>YYYY-MM-DD</c> day in a request: an optional query parameter (the read routes' <c>from</c> and <c>to</c>) or a route value.</summary>
internal static class QueryDay
{
    /// <summary>The optional <c>from</c> and <c>to</c> days; a problem naming each malformed one, or null when both are fine.</summary>
    public static IResult? ReadRange(HttpRequest request, out Day? from, out Day? to)
    {
        var errors = new Dictionary<string, string[]>();
        from = Read(request, "from", errors);
        to = Read(request, "to", errors);
        return errors.Count > 0 ? Problems.Invalid(errors) : null;
    }

    /// <summary>The day, or null when absent; a malformed value is null and an error naming the parameter.</summary>
    public static Day? Read(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return Parse(name, text, errors);
    }

    /// <summary>A day given as text (a route value, or a query parameter present); a malformed one is null and an error naming <paramref name="name"/>.</summary>
    public static Day? Parse(string name, string text, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Day.TryParse(text, out var day))
        {
            return day;
        }

        errors[name] = [$"{name} must be a day as YYYY-MM-DD; got '{text}'."];
        return null;
    }
}
