namespace Backfill.Workflows.Api;

/// <summary>One layer of an impact estimate: its run items only.</summary>
/// <param name="Layer">raw, staging or features.</param>
/// <param name="Dataset">The dataset it writes.</param>
/// <param name="Partitions">Partitions it would rebuild.</param>
/// <param name="InputBytes">Bytes read from upstream live commits; null for raw (landing files are not sized).</param>
/// <param name="BytesToWrite">Bytes it would write: each partition's live commit size, else the dataset's recent mean.</param>
/// <param name="UnsizedPartitions">Partitions read or written with no size to go by (left out of the byte counts).</param>
/// <param name="MedianItemMilliseconds">The median duration of the dataset's recent commits; null with no history.</param>
/// <param name="DurationSamples">How many recent commits that median is over.</param>
public sealed record LayerEstimateView(
    string Layer, string Dataset, int Partitions, long? InputBytes, long BytesToWrite, int UnsizedPartitions, long? MedianItemMilliseconds, int DurationSamples);
