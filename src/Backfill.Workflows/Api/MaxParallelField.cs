using System.Globalization;
using Backfill.Core.Scheduling;

namespace Backfill.Workflows.Api;

/// <summary>The check of a request's <c>maxParallel</c>, one wording for every route that takes it.</summary>
internal static class MaxParallelField
{
    /// <summary>The field's name in request bodies and problem details.</summary>
    public const string Name = "maxParallel";

    /// <summary>Why <paramref name="value"/> is not a max parallel, or null when it is one.</summary>
    public static string? Error(int? value) => value is { } n && MaxParallelBounds.Contains(n)
        ? null
        : $"{Name} must be between {MaxParallelBounds.Min} and {MaxParallelBounds.Max}; got {value?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}.";
}
