namespace Backfill.Core.Layers;

/// <summary>The one spelling of each layer in ids, the API and the CLI: <c>raw</c>, <c>staging</c>, <c>features</c>.</summary>
public static class LayerNames
{
    /// <summary>The layer's name.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined layer.</exception>
    public static string Of(Layer layer) => layer switch
    {
        Layer.Raw => "raw",
        Layer.Staging => "staging",
        Layer.Features => "features",
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Unknown layer {layer}."),
    };

    /// <summary>The layer named <paramref name="name"/> (exact, lower case), or null.</summary>
    public static Layer? Parse(string? name) => name switch
    {
        "raw" => Layer.Raw,
        "staging" => Layer.Staging,
        "features" => Layer.Features,
        _ => null,
    };
}
