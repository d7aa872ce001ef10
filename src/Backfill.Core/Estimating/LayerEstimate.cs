using Backfill.Core.Layers;

namespace Backfill.Core.Estimating;

/// <summary>The impact estimate of one layer of a plan: its run items only (skipped items read and write nothing).</summary>
/// <param name="Layer">The layer.</param>
/// <param name="Dataset">The dataset it writes.</param>
/// <param name="Partitions">Partitions it would rebuild (run items).</param>
/// <param name="InputBytes">Bytes its items read from upstream live commits; null for raw, whose input (landing files) is not sized.</param>
/// <param name="BytesToWrite">Bytes its items would write: each partition's live commit size, else its dataset's recent mean.</param>
/// <param name="UnsizedPartitions">Partitions (read or written) with neither a live commit nor a dataset mean, left out of the byte counts.</param>
/// <param name="ItemDuration">The median duration of its dataset's recent commits; null with no history.</param>
/// <param name="DurationSamples">How many recent commits the median is over.</param>
public sealed record LayerEstimate(
    Layer Layer,
    string Dataset,
    int Partitions,
    long? InputBytes,
    long BytesToWrite,
    int UnsizedPartitions,
    TimeSpan? ItemDuration,
    int DurationSamples);
