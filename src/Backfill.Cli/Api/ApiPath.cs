namespace Backfill.Cli.Api;

/// <summary>Builds API paths with escaped segments and a query of only the values that are set.</summary>
internal static class ApiPath
{
    public static string Of(string path, params (string Name, string? Value)[] query)
    {
        var set = query.Where(q => q.Value is not null).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}").ToList();
        return set.Count == 0 ? path : $"{path}?{string.Join('&', set)}";
    }

    public static string Segment(string value) => Uri.EscapeDataString(value);
}
