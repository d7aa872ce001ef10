using System.IO.Hashing;
using System.Text;

namespace Backfill.Core.Buckets;

/// <summary>
/// Which bucket of a day an entity's rows live in: the low bits of XXH3-64 (seed 0) of its id's UTF-8 bytes. The
/// hash is specified byte for byte, so every process, machine and runtime version puts an entity in the same
/// bucket (<see cref="string.GetHashCode()"/> is randomized per process and could not be stored).
/// </summary>
public static class EntityBucket
{
    /// <summary>Returns the bucket of <paramref name="entityId"/> among <paramref name="count"/> buckets.</summary>
    /// <param name="entityId">The entity id.</param>
    /// <param name="count">The dataset's bucket count.</param>
    /// <returns>A bucket in [0, <paramref name="count"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entityId"/> is null.</exception>
    public static int Of(string entityId, BucketCount count)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var hash = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(entityId));
        return (int)(hash & (ulong)(count.Value - 1));
    }

    /// <summary>
    /// Returns the buckets of an upstream dataset, split into <paramref name="upstream"/> buckets, that together
    /// hold every entity of <paramref name="bucket"/> of a dataset split into <paramref name="count"/>: what a
    /// bucketed build of that bucket must read.
    /// </summary>
    /// <param name="bucket">The bucket being built, in [0, <paramref name="count"/>).</param>
    /// <param name="count">The bucket count of the dataset being built.</param>
    /// <param name="upstream">The bucket count of the upstream dataset.</param>
    /// <returns>The upstream buckets, ascending: one when upstream is no finer, else upstream ÷ count of them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bucket"/> is outside [0, <paramref name="count"/>).</exception>
    public static IReadOnlyList<int> Upstream(int bucket, BucketCount count, BucketCount upstream)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucket, count.Value);

        // Buckets nest because a bucket is the hash's low bits: with B ≤ B' both powers of two, the low log2(B) bits
        // of the low log2(B') bits are the low log2(B) bits, so bucket_B(id) = bucket_B'(id) mod B. A coarser
        // upstream bucket b mod B' holds all of bucket b; a finer upstream splits b into the u with u mod B = b.
        if (upstream.Value <= count.Value)
        {
            return [bucket % upstream.Value];
        }

        return [.. Enumerable.Range(0, upstream.Value / count.Value).Select(k => bucket + (k * count.Value))];
    }
}
