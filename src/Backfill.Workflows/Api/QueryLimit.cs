using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>The optional <c>limit</c> query parameter of the routes that list newest first, bounded so an answer is.</summary>
internal static class QueryLimit
{
    /// <summary>The limit, or <paramref name="defaultLimit"/> when absent; a value outside 1..<paramref name="maxLimit"/> is an error naming <c>limit</c>.</summary>
    public static int Read(HttpRequest request, int defaultLimit, int maxLimit, Dictionary<string, string[]> errors)
    {
        var text = request.Query["limit"].ToString();
        if (text.Length == 0)
        {
            return defaultLimit;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= maxLimit)
        {
            return limit;
        }

        errors["limit"] = [$"limit must be a whole number from 1 to {maxLimit}; got '{text}'."];
        return defaultLimit;
    }
}
